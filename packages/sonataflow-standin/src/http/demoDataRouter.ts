import express from 'express';

/**
 * `/demo-data`: a small service the sample widget workflow's form reads
 * through the host's proxy (`/api/proxy/demo-data/...`), as an adopter would
 * wire a real service. Not part of SonataFlow; the data is fixed so browser
 * journeys can assert on it.
 */

const TEAMS = [
  { id: 'payments', name: 'Payments', lead: 'ada@example.com' },
  { id: 'search', name: 'Search', lead: 'grace@example.com' },
  { id: 'platform', name: 'Platform', lead: 'linus@example.com' },
];

const LANGUAGES = ['Go', 'Java', 'JavaScript', 'Kotlin', 'Python', 'Rust'];

const REGIONS: Record<string, { available: string[]; required: string[] }> = {
  payments: {
    available: ['eu-west', 'eu-central', 'us-east'],
    required: ['eu-west'],
  },
  search: { available: ['us-east', 'us-west', 'ap-south'], required: [] },
  platform: {
    available: ['eu-west', 'us-east', 'ap-south'],
    required: ['us-east'],
  },
};

/** The extra field a database choice brings into the form (SchemaUpdater). */
const DATABASE_FIELDS: Record<string, object> = {
  postgres: {
    type: 'object',
    title: 'PostgreSQL settings',
    required: ['version'],
    properties: {
      version: {
        type: 'string',
        title: 'PostgreSQL version',
        enum: ['15', '16', '17'],
        default: '16',
      },
    },
  },
  mongodb: {
    type: 'object',
    title: 'MongoDB settings',
    required: ['replicaSet'],
    properties: {
      replicaSet: { type: 'string', title: 'Replica set name', default: 'rs0' },
    },
  },
  // nothing to ask: the placeholder stays out of sight
  none: { type: 'object', properties: {}, 'ui:widget': 'hidden' },
};

const TAKEN_NAMES = ['checkout', 'search-api', 'platform'];

export function createDemoDataRouter() {
  const router = express.Router();
  router.use('/demo-data', express.json({ limit: '10kb' }));

  router.get('/demo-data/teams', (_req, res) => {
    res.json({ teams: TEAMS.map(({ id, name }) => ({ id, name })) });
  });

  router.get('/demo-data/teams/:team', (req, res) => {
    const team = TEAMS.find(t => t.id === req.params.team);
    if (!team) {
      res.status(404).json({ message: `No team '${req.params.team}'` });
      return;
    }
    res.json({
      ...team,
      defaultLanguage: team.id === 'search' ? 'Rust' : 'Go',
      languages: LANGUAGES,
    });
  });

  router.get('/demo-data/languages', (req, res) => {
    const q = String(req.query.q ?? '').toLowerCase();
    res.json({ languages: LANGUAGES.filter(l => l.toLowerCase().includes(q)) });
  });

  router.get('/demo-data/regions', (req, res) => {
    const regions = REGIONS[String(req.query.team ?? '')];
    res.json(regions ?? { available: [], required: [] });
  });

  router.get('/demo-data/database-schema', (req, res) => {
    const engine = String(req.query.engine ?? 'none');
    const field = DATABASE_FIELDS[engine];
    if (!field) {
      res.status(404).json({ message: `No database engine '${engine}'` });
      return;
    }
    res.json({ databaseSettings: field });
  });

  /** 200 when the name is free; otherwise the field's messages, as the widgets read them. */
  router.post('/demo-data/validate-name', (req, res) => {
    const name = String(req.body?.name ?? '');
    if (TAKEN_NAMES.includes(name)) {
      res.status(422).json({ name: [`The name '${name}' is already taken`] });
      return;
    }
    res.json({ ok: true });
  });

  router.get('/demo-data/on-call', (req, res) => {
    res.json({ enabled: req.query.team === 'payments' });
  });

  return router;
}
