import fs from 'node:fs';
import path from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import type { JsonObject } from '@backstage/types';
import type { JSONSchema7 } from 'json-schema';
import {
  loadWorkflowInputSchema,
  parseWorkflowDefinition,
} from '@orchestrator-suite/backstage-plugin-orchestrator-common';
import { next, renderForm, run } from './__testUtils__/renderForm';
import { generateUiSchema, toRjsfSchema } from './schema/generateUiSchema';
import { getSteps, isMultiStepSchema } from './schema/steps';
import { validateFormData } from './validation/validateFormData';
import { isFieldHidden } from './hidden/isFieldHidden';
import { englishTranslate } from './__testUtils__/englishTranslate';

jest.setTimeout(120_000);

const t = englishTranslate();

// As orchestrator-common's reference tests: ../shared/reference beside the repository root.
const repoRoot = path.resolve(__dirname, '../../..');
const workflowsDir = path.resolve(repoRoot, '../shared/reference/workflows');

const workflowFiles = fs.existsSync(workflowsDir)
  ? fs
      .readdirSync(workflowsDir, { recursive: true, encoding: 'utf8' })
      .filter(file => /\.sw\.ya?ml$/.test(file))
      .map(file => path.join(workflowsDir, file))
      .filter(file => /dataInputSchema/.test(fs.readFileSync(file, 'utf8')))
      .sort()
  : [];

// A valid input per workflow (patterns cannot be sampled generically); a new
// reference workflow fails until it has one.
const samples: Record<string, JsonObject> = {
  'basic-flat': { projectName: 'demo' },
  'assessment-with-jq-expression': { inputText: 'hello' },
  'create-ocp-project': {
    operationsProjectKey: 'OP',
    auditProjectKey: 'AUD',
    projectName: 'demo',
    recipients: ['user:default/jsmith'],
  },
  greeting: { language: 'Spanish' },
  'mtv-plan': {
    migrationName: 'm1',
    migrationNamespace: 'ns',
    sourceProvider: 'vmware',
    destinationProvider: 'host',
    storageMap: 'sm',
    networkMap: 'nm',
    vms: [{ name: 'vm1', id: 'id1' }],
    recipients: ['user:default/jsmith'],
  },
  'test-object-type-uiprops': {
    basicInfo: { name: 'Ada', email: 'ada@example.com' },
    demonstrationFields: { simpleText: 'x' },
  },
};

async function loadSchema(file: string) {
  const workflow = parseWorkflowDefinition(fs.readFileSync(file, 'utf8'));
  const loader = async (location: string) =>
    fs.promises.readFile(path.resolve(path.dirname(file), location), 'utf8');
  const schema = (await loadWorkflowInputSchema(workflow, {
    loader,
  })) as JSONSchema7;
  return { id: workflow.id, schema };
}

/** Titles of the visible leaf fields of a page, as their labels read. */
function leafTitles(schema: JSONSchema7, ui: any, data: JsonObject): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(
    ([key, definition]) => {
      const property = definition as JSONSchema7;
      if (isFieldHidden(ui?.[key], data)) return [];
      if (property.type === 'object')
        return leafTitles(property, ui?.[key], data);
      return [property.title ?? key];
    },
  );
}

if (workflowFiles.length === 0) {
  it('is skipped', () => {
    // eslint-disable-next-line no-console
    console.log(`skipped: reference workflows not found (${workflowsDir})`);
    expect(fs.existsSync(workflowsDir)).toBe(false);
  });
}

describe.each(
  workflowFiles.map(file => [path.relative(workflowsDir, file), file]),
)('reference workflow %s', (_name, file) => {
  it('validates: an empty input reports the required fields, the sample passes', async () => {
    const { id, schema } = await loadSchema(file);
    const rjsf = toRjsfSchema(schema);
    const uiSchema = generateUiSchema(schema);
    expect(Object.keys(samples)).toContain(id);
    const empty = await validateFormData({
      schema: rjsf,
      uiSchema,
      formData: {},
      t,
    });
    const required = rjsf.required ?? [];
    const stepRequired = Object.values(rjsf.properties ?? {}).flatMap(
      p => (p as JSONSchema7).required ?? [],
    );
    expect(Boolean(empty)).toBe(required.length + stepRequired.length > 0);
    for (const key of required) {
      expect((empty as any)[key].__errors[0]).toMatch(/is required$/);
    }
    expect(
      await validateFormData({
        schema: rjsf,
        uiSchema,
        formData: samples[id],
        t,
      }),
    ).toBeUndefined();
  });

  it('renders every field of every step and runs the sample', async () => {
    const { id, schema } = await loadSchema(file);
    const rjsf = toRjsfSchema(schema);
    const ui = generateUiSchema(schema);
    const data = samples[id];
    const { user, handleExecute } = await renderForm({
      schema,
      initialFormData: data,
    });
    const pages = isMultiStepSchema(rjsf)
      ? getSteps(rjsf, ui['ui:order']).map(step => ({
          schema: step.schema,
          ui: ui[step.key],
        }))
      : [{ schema: rjsf, ui }];
    for (const page of pages) {
      for (const title of leafTitles(page.schema, page.ui, data)) {
        expect(screen.getAllByText(title).length).toBeGreaterThan(0);
      }
      await user.click(next());
    }
    await user.click(await screen.findByTestId('orchestrator-form-run'));
    await waitFor(() => expect(handleExecute).toHaveBeenCalled());
    expect(handleExecute.mock.calls[0][0]).toMatchObject(data);
    expect(run()).toBeInTheDocument();
  });
});
