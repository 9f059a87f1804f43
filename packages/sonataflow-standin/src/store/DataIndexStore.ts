import {
  JobRecord,
  ProcessDefinitionRecord,
  ProcessInstanceRecord,
} from './types';

/** Listener told about every stored change to an instance. @public */
export type InstanceChangeListener = (instance: ProcessInstanceRecord) => void;

/**
 * What the Data Index knows: definitions, instances and jobs. In memory only;
 * the runtime writes here the way SonataFlow's events feed the real Data Index.
 * @public
 */
export interface DataIndexStore {
  putDefinition(definition: ProcessDefinitionRecord): void;
  getDefinition(id: string): ProcessDefinitionRecord | undefined;
  listDefinitions(): ProcessDefinitionRecord[];
  /** Inserts or replaces an instance and notifies listeners. */
  putInstance(instance: ProcessInstanceRecord): void;
  /** Bulk insert for seeding: no listeners, no copies. */
  putInstances(instances: ProcessInstanceRecord[]): void;
  getInstance(id: string): ProcessInstanceRecord | undefined;
  listInstances(): Iterable<ProcessInstanceRecord>;
  /** Instances of the given workflows only: the index a real Data Index has on process id. */
  listInstancesOf(processIds: string[]): Iterable<ProcessInstanceRecord>;
  instanceCount(): number;
  childrenOf(id: string): ProcessInstanceRecord[];
  putJob(job: JobRecord): void;
  getJob(id: string): JobRecord | undefined;
  listJobs(): Iterable<JobRecord>;
  onInstanceChange(listener: InstanceChangeListener): () => void;
  /** Drops instances and jobs; definitions stay (they come from the loaded workflows). */
  clearInstances(): void;
}

/** @public */
export class DefaultDataIndexStore implements DataIndexStore {
  private readonly definitions = new Map<string, ProcessDefinitionRecord>();
  private readonly instances = new Map<string, ProcessInstanceRecord>();
  private readonly children = new Map<string, Set<string>>();
  private readonly byProcess = new Map<
    string,
    Map<string, ProcessInstanceRecord>
  >();
  private readonly jobs = new Map<string, JobRecord>();
  private readonly listeners = new Set<InstanceChangeListener>();

  static create(): DefaultDataIndexStore {
    return new DefaultDataIndexStore();
  }

  private constructor() {}

  putDefinition(definition: ProcessDefinitionRecord) {
    this.definitions.set(definition.id, definition);
  }

  getDefinition(id: string) {
    return this.definitions.get(id);
  }

  listDefinitions() {
    return [...this.definitions.values()];
  }

  putInstance(instance: ProcessInstanceRecord) {
    this.index(instance);
    for (const listener of this.listeners) {
      listener(instance);
    }
  }

  putInstances(instances: ProcessInstanceRecord[]) {
    for (const instance of instances) {
      this.index(instance);
    }
  }

  private index(instance: ProcessInstanceRecord) {
    this.instances.set(instance.id, instance);
    let ofProcess = this.byProcess.get(instance.processId);
    if (!ofProcess) {
      ofProcess = new Map();
      this.byProcess.set(instance.processId, ofProcess);
    }
    ofProcess.set(instance.id, instance);
    if (instance.parentProcessInstanceId) {
      let set = this.children.get(instance.parentProcessInstanceId);
      if (!set) {
        set = new Set();
        this.children.set(instance.parentProcessInstanceId, set);
      }
      set.add(instance.id);
    }
  }

  getInstance(id: string) {
    return this.instances.get(id);
  }

  listInstances() {
    return this.instances.values();
  }

  *listInstancesOf(processIds: string[]) {
    for (const id of new Set(processIds)) {
      const ofProcess = this.byProcess.get(id);
      if (ofProcess) yield* ofProcess.values();
    }
  }

  instanceCount() {
    return this.instances.size;
  }

  childrenOf(id: string) {
    const ids = this.children.get(id);
    if (!ids) return [];
    return [...ids]
      .map(childId => this.instances.get(childId))
      .filter((i): i is ProcessInstanceRecord => Boolean(i));
  }

  putJob(job: JobRecord) {
    this.jobs.set(job.id, job);
  }

  getJob(id: string) {
    return this.jobs.get(id);
  }

  listJobs() {
    return this.jobs.values();
  }

  onInstanceChange(listener: InstanceChangeListener) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  clearInstances() {
    this.instances.clear();
    this.byProcess.clear();
    this.children.clear();
    this.jobs.clear();
  }
}
