/**
 * Enrolment: a juror's laptop sends its key to the secretariat (an enrolment file), the secretariat takes it
 * in, confirms its fingerprint read aloud, and the next package carries it.
 */
import { z } from 'zod';
import { Id } from '../../core/model.ts';
import { FileData, ForEvent, method, typed } from './common.ts';

export const Enrolment = z.strictObject({
  jurorId: Id,
  name: z.string(),
  fingerprint: z.string(),
  receivedAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type Enrolment = z.infer<typeof Enrolment>;

export const enrolmentMethods = {
  // Secretariat.
  importEnrolment: method(FileData, Enrolment, { errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'] }),
  confirmEnrolment: method(z.strictObject({ eventId: Id, jurorId: Id, fingerprint: z.string().max(100) }), Enrolment, {
    errors: ['forbidden', 'not-found'],
  }),
  removeEnrolment: method(z.strictObject({ eventId: Id, jurorId: Id }), z.array(Enrolment), {
    errors: ['conflict', 'forbidden', 'invalid-file', 'key-locked', 'not-found'],
  }),
  listEnrolments: method(ForEvent, z.array(Enrolment)),

  // Juror: my enrolment file, and whether the package already carries my key.
  exportEnrolment: method(z.strictObject({ eventId: Id, name: typed(z.string().trim().min(1).max(200)) }), FileData, {
    errors: ['key-locked', 'not-found'],
  }),
  /** Whether the package already carries this laptop's key for its juror (enrolment done). */
  enrolmentStatus: method(ForEvent, z.strictObject({ enrolledFingerprint: z.string().nullable(), matchesThisLaptop: z.boolean() }), {
    errors: ['not-found'],
  }),
};
