import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { loadMocks, mockFilesFor, MockSet } from '../functions/mocks';
import { SwWorkflow } from '../model';
import { buildNodeGraph, NodeGraph } from './nodeGraph';
import { resolveSchemaFile } from './resolveSchema';
import { validateWorkflow } from './validateWorkflow';

/** A workflow file parsed, checked and with its schemas resolved. @public */
export interface LoadedWorkflow {
  id: string;
  definition: SwWorkflow;
  filePath: string;
  dir: string;
  format: 'yaml' | 'json';
  source: string;
  /** `dataInputSchema` with every local `$ref` inlined. */
  inputSchema?: Record<string, unknown>;
  failOnValidationErrors: boolean;
  outputSchema?: Record<string, unknown>;
  nodes: NodeGraph;
  /** Mocked REST operations (`<file>.mocks.yaml`, folder `mocks.yaml`, `mocksDir`). */
  mocks: MockSet;
}

/** A workflow file that did not load, and why. @public */
export interface LoadProblem {
  file: string;
  /** The workflow id, when the file parsed far enough to have one. */
  workflowId?: string;
  message: string;
}

/** @public */
export interface LoadOptions {
  /** A folder of extra `<workflow id or file>.mocks.yaml` files (test fixtures), applied last. */
  mocksDir?: string;
}

const WORKFLOW_FILE = /\.sw\.(ya?ml|json)$/i;

function findWorkflowFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findWorkflowFiles(full));
    else if (WORKFLOW_FILE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function inputSchemaOf(wf: SwWorkflow, dir: string) {
  const dis = wf.dataInputSchema;
  if (!dis) return { failOnValidationErrors: false };
  const ref = typeof dis === 'string' ? dis : dis.schema;
  // SonataFlow fails on validation errors unless the object form says otherwise.
  const failOnValidationErrors =
    typeof dis === 'string' ? true : dis.failOnValidationErrors !== false;
  const inputSchema =
    typeof ref === 'string'
      ? resolveSchemaFile(path.resolve(dir, ref))
      : (ref as Record<string, unknown>);
  return { inputSchema, failOnValidationErrors };
}

function outputSchemaOf(wf: SwWorkflow, dir: string) {
  const ext = (wf.extensions ?? []).find(
    e => e.extensionid === 'workflow-output-schema',
  );
  const ref = ext?.outputSchema;
  return typeof ref === 'string'
    ? resolveSchemaFile(path.resolve(dir, ref))
    : undefined;
}

/** A load failure that knows which workflow it is about. */
class WorkflowLoadError extends Error {
  constructor(message: string, readonly workflowId?: string) {
    super(message);
  }
}

/** Parses and checks one workflow file; throws with a readable message. */
export function loadWorkflowFile(
  filePath: string,
  options: LoadOptions = {},
): LoadedWorkflow {
  const source = fs.readFileSync(filePath, 'utf8');
  const format = /\.json$/i.test(filePath) ? 'json' : 'yaml';
  const definition = (
    format === 'json' ? JSON.parse(source) : yaml.load(source)
  ) as SwWorkflow;
  const id = definition?.id ?? definition?.key;
  const problems = validateWorkflow(definition);
  if (problems.length > 0) throw new WorkflowLoadError(problems.join('; '), id);
  const dir = path.dirname(filePath);
  try {
    return {
      mocks: loadMocks(mockFilesFor(filePath, id!, options.mocksDir)),
      id: id!,
      definition,
      filePath,
      dir,
      format,
      source,
      ...inputSchemaOf(definition, dir),
      outputSchema: outputSchemaOf(definition, dir),
      nodes: buildNodeGraph(definition),
    };
  } catch (e) {
    // Schemas and mock files are read here: say which workflow they belong to.
    throw new WorkflowLoadError((e as Error).message, id);
  }
}

/** Loads every `.sw.yaml` / `.sw.yml` / `.sw.json` below `dir`. A bad file is reported, not fatal. */
export function loadWorkflows(
  dir: string,
  options: LoadOptions = {},
): {
  workflows: LoadedWorkflow[];
  problems: LoadProblem[];
} {
  const workflows: LoadedWorkflow[] = [];
  const problems: LoadProblem[] = [];
  if (!fs.existsSync(dir)) {
    return {
      workflows,
      problems: [{ file: dir, message: 'workflows folder does not exist' }],
    };
  }
  for (const file of findWorkflowFiles(dir)) {
    try {
      const wf = loadWorkflowFile(file, options);
      if (workflows.some(w => w.id === wf.id)) {
        problems.push({
          file,
          workflowId: wf.id,
          message: `duplicate workflow id '${wf.id}'`,
        });
      } else {
        workflows.push(wf);
      }
    } catch (e) {
      problems.push({
        file,
        workflowId: (e as WorkflowLoadError).workflowId,
        message: (e as Error).message,
      });
    }
  }
  return { workflows, problems };
}
