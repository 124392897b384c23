/** Migration 4: the juror's name as they typed it on this laptop (enrolment, score sheet), to fill it in next time. */
export default /* sql */ `
ALTER TABLE event ADD COLUMN juror_name TEXT;
`;
