import { JsonObject } from '@backstage/types';
import { WidgetRequester } from '../http/WidgetRequester';
import { UiProps } from '../uiProps';

function asMessages(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    return value
      .filter(v => v !== null && v !== undefined)
      .map(v => (typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return [];
}

/**
 * Messages of a failed validation answer: the body's `{ "<field>": [...] }`
 * entry, else its `message` (Backstage errors carry `error.message`), else the
 * status. Always an array, whatever the service sent.
 */
export async function readValidationMessages(
  response: Response,
  fieldName: string,
): Promise<string[]> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    const fieldMessages = asMessages(record[fieldName]);
    if (fieldMessages.length) return fieldMessages;
    const message =
      asMessages(record.message).length > 0
        ? asMessages(record.message)
        : asMessages((record.error as Record<string, unknown>)?.message);
    if (message.length) return message;
  }
  return [`Validation failed (HTTP ${response.status})`];
}

/**
 * Runs a field's `validate:*` request. HTTP 200 means valid (empty list);
 * any other answer, or no answer, yields the messages to show at the field.
 */
export async function validateField(
  requester: WidgetRequester,
  uiProps: UiProps,
  options: { formData: JsonObject; fieldName: string; signal?: AbortSignal },
): Promise<string[]> {
  let response: Response;
  try {
    response = await requester.send('validate', uiProps, options);
  } catch (e) {
    if (options.signal?.aborted) return [];
    return [`Validation could not run: ${(e as Error).message}`];
  }
  if (response.status === 200) return [];
  return readValidationMessages(response, options.fieldName);
}
