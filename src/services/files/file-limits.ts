/** How large a file anyone hands Timbang may be, before any of it is read. */

/** Files people move around by USB stick or chat (packages, score sheets, enrolments): generous for a national event, far below anything harmful. */
export const MAX_SIGNED_FILE_BYTES = 20 * 1024 * 1024;
