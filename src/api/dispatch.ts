/**
 * Both ends of a call, transport-neutral. The Node side `dispatch`es a raw call to a handler, checking the
 * call against the contract both ways: the input, the output, and an error's code and details (a method
 * answers only the codes it declares, with details of their declared shape); the renderer side wraps a
 * transport into a typed client.
 */
import { apiMessages } from '../core/messages/api.ts';
import { bilingualIssues } from '../core/zod-messages.ts';
import {
  contract,
  declaresError,
  isMethodName,
  methodNames,
  type Handlers,
  type MethodName,
  type TimbangApi,
  type TimbangTransport,
} from './contract.ts';
import { AppError, detailsFit, isWorkspaceProblem, UNIVERSAL_ERRORS, type Envelope, type ErrorCode, type ErrorInfo } from './errors.ts';

export async function dispatch(handlers: Handlers, name: string, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) return failure(new AppError('unknown-method', apiMessages.unknownMethod({ name })));
  try {
    const spec = contract[name];
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) {
      const issues = bilingualIssues(spec.input, rawInput ?? {});
      throw new AppError('invalid-input', apiMessages.invalidInput({ issues }), issues);
    }
    const handler = handlers[name] as (input: unknown) => unknown;
    const output = spec.output.safeParse(await handler(input.data));
    if (!output.success) {
      // A handler broke the contract: a bug on our side, reported rather than passed on.
      throw new AppError('invalid-output', apiMessages.invalidOutput({ name }), output.error.issues);
    }
    return { ok: true, value: output.data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: checkedError(name, error) };
    const text = error instanceof Error ? error.message : String(error);
    return failure(new AppError('internal', apiMessages.internal({ text })));
  }
}

const failure = (error: AppError): Envelope<never> => ({ ok: false, error: error.toInfo() });
const universal = new Set<ErrorCode>(UNIVERSAL_ERRORS);

/**
 * An error as the contract lets method `name` answer it. A code the method does not declare, or details
 * that do not have their code's shape, is a contract breach, as a wrong output is: reported as 'internal'
 * with the original message (a test run meets it), never passed on as if it were expected.
 */
function checkedError(name: MethodName, error: AppError): ErrorInfo {
  const declared = universal.has(error.code) || declaresError(name, error.code) || isWorkspaceProblem(error);
  if (!declared) return { code: 'internal', message: apiMessages.undeclaredError({ name, code: error.code, message: error.bilingual }) };
  if (!detailsFit(error.code, error.details)) {
    return { code: 'internal', message: apiMessages.detailsBreach({ name, code: error.code, message: error.bilingual }) };
  }
  return error.toInfo();
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
