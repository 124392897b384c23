/**
 * Both ends of a call, transport-neutral. The Node side `dispatch`es a raw call to a handler (validating
 * input and output against the contract); the renderer side wraps a transport into a typed client.
 */
import type { Bilingual } from '../core/model.ts';
import { bilingualIssues } from '../core/zod-messages.ts';
import { contract, isMethodName, methodNames, type Handlers, type MethodName, type TimbangApi, type TimbangTransport } from './contract.ts';
import { AppError, type Envelope } from './errors.ts';

export async function dispatch(handlers: Handlers, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isMethodName(name)) {
      throw new AppError('unknown-method', { id: `Metode API tidak dikenal: ${name}`, en: `Unknown API method: ${name}` });
    }
    const spec = contract[name];
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const issues = bilingualIssues(spec.input, rawInput ?? {});
      const lines = (lang: keyof Bilingual) =>
        issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message[lang]}` : i.message[lang])).join('\n');
      throw new AppError('invalid-input', { id: `Masukan tidak valid:\n${lines('id')}`, en: `Invalid input:\n${lines('en')}` }, issues);
    }
    const handler = handlers[name] as (input: unknown) => unknown;
    const output = spec.output.safeParse(await handler(input.data));
    if (!output.success) {
      // A handler broke the contract: a bug on our side, reported rather than passed on.
      throw new AppError(
        'invalid-output',
        { id: `Keluaran ${name} tidak sesuai kontrak`, en: `Output of ${name} breaks the contract` },
        output.error.issues,
      );
    }
    return { ok: true, value: output.data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toInfo() };
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: { id: `Kesalahan internal: ${text}`, en: `Internal error: ${text}` } } };
  }
}

/** Builds a transport from one function that carries a call, as the preload and the browser bridge both do. */
export function transportFrom(call: (method: MethodName, input: unknown) => Promise<Envelope<unknown>>): TimbangTransport {
  return Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)])) as TimbangTransport;
}

/** The renderer's typed API over any transport: unwraps envelopes and throws AppError on failure. */
export function createClient(transport: TimbangTransport): TimbangApi {
  const call = async (name: MethodName, input: unknown) => {
    const envelope = await (transport[name] as (input: unknown) => Promise<Envelope<unknown>>)(input);
    if (!envelope.ok) throw AppError.fromInfo(envelope.error);
    return envelope.value;
  };
  return Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)])) as TimbangApi;
}
