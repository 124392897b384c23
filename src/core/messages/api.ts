/** The API layer (src/api): the contract's own refusals, as dispatch and the transports answer them. */
import type { Bilingual } from '../model.ts';
import { defineMessages } from './catalog.ts';

const findings = (issues: readonly { path: readonly (string | number)[]; message: Bilingual }[], language: keyof Bilingual) =>
  issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message[language]}` : issue.message[language])).join('\n');

export const apiMessages = defineMessages('api', {
  unknownMethod: {
    id: (p: { name: string }) => `Metode API tidak dikenal: ${p.name}`,
    en: (p) => `Unknown API method: ${p.name}`,
  },
  invalidInput: {
    id: (p: { issues: readonly { path: readonly (string | number)[]; message: Bilingual }[] }) =>
      `Masukan tidak valid:\n${findings(p.issues, 'id')}`,
    en: (p) => `Invalid input:\n${findings(p.issues, 'en')}`,
  },
  invalidOutput: {
    id: (p: { name: string }) => `Keluaran ${p.name} tidak sesuai kontrak`,
    en: (p) => `Output of ${p.name} breaks the contract`,
  },
  internal: {
    id: (p: { text: string }) => `Kesalahan internal: ${p.text}`,
    en: (p) => `Internal error: ${p.text}`,
  },
  /** A method answered with a code it does not declare: its own message stays, the breach is named after it. */
  undeclaredError: {
    id: (p: { name: string; code: string; message: Bilingual }) =>
      `${p.message.id}\n(Kesalahan internal: ${p.name} menjawab "${p.code}", yang tidak dinyatakan kontraknya.)`,
    en: (p) => `${p.message.en}\n(Internal error: ${p.name} answered "${p.code}", which its contract does not declare.)`,
  },
  /** Details that do not have the shape their code declares (errors.ts errorDetails). */
  detailsBreach: {
    id: (p: { name: string; code: string; message: Bilingual }) =>
      `${p.message.id}\n(Kesalahan internal: rincian "${p.code}" dari ${p.name} tidak sesuai kontrak.)`,
    en: (p) => `${p.message.en}\n(Internal error: the "${p.code}" details from ${p.name} break the contract.)`,
  },
  methodTwice: {
    id: (p: { what: string; name: string; domains: [string, string] }) =>
      `${p.what}: metode ${p.name} didefinisikan dua kali (domain ${p.domains[0]} dan ${p.domains[1]}).`,
    en: (p) => `${p.what}: method ${p.name} is defined twice (domains ${p.domains[0]} and ${p.domains[1]}).`,
  },
});
