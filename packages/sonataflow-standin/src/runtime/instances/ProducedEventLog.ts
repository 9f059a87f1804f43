import { ProducedEvent } from '../execution/produceEvents';

/** How many produced events `/__standin/events` keeps (oldest dropped first). */
const EVENT_LOG_SIZE = 1000;

/** The CloudEvents workflows produced, newest last, bounded. */
export class ProducedEventLog {
  private readonly produced: ProducedEvent[] = [];

  record(event: ProducedEvent) {
    this.produced.push(event);
    if (this.produced.length > EVENT_LOG_SIZE) this.produced.shift();
  }

  /** Optionally only those of one instance. */
  list(instanceId?: string): ProducedEvent[] {
    return instanceId
      ? this.produced.filter(e => e.kogitoprocinstanceid === instanceId)
      : [...this.produced];
  }
}
