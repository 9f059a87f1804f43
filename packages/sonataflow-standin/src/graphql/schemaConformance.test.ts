import fs from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  parse,
  concatAST,
} from 'graphql';
import { describeIfReference, REFERENCE_DIR } from '../testing/reference';
import { readDataIndexSdl } from './schema';

/** The real 10.x Data Index schema as the service merges it (domain.* is the standalone extra). */
function realSchema(): GraphQLSchema {
  const files = ['basic', 'count', 'json', 'mutation'].map(n =>
    fs.readFileSync(
      path.join(REFERENCE_DIR, 'data-index', `${n}.schema.graphqls`),
      'utf8',
    ),
  );
  return buildASTSchema(concatAST(files.map(f => parse(f))));
}

function servedTypes(schema: GraphQLSchema): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter(
    t =>
      !t.name.startsWith('__') &&
      !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
  );
}

describeIfReference('served Data Index schema', () => {
  const ours = buildASTSchema(parse(readDataIndexSdl()));
  const real = realSchema();

  it('serves the queries and mutations the plugins use', () => {
    const query = ours.getQueryType()!.getFields();
    for (const name of [
      'ProcessDefinitions',
      'ProcessInstances',
      'Jobs',
      'CountProcessInstances',
      'CountProcessDefinitions',
    ]) {
      expect(query[name]).toBeDefined();
    }
    const mutation = ours.getMutationType()!.getFields();
    for (const name of [
      'ProcessInstanceAbort',
      'ProcessInstanceRetry',
      'ProcessInstanceUpdateVariables',
      'NodeInstanceTrigger',
    ]) {
      expect(mutation[name]).toBeDefined();
    }
  });

  it.each(
    servedTypes(buildASTSchema(parse(readDataIndexSdl()))).map(t => [t.name]),
  )(
    'type %s exists in the real schema with the same fields, arguments and values',
    name => {
      const mine = ours.getType(name)!;
      const theirs = real.getType(name);
      expect(theirs).toBeDefined();
      expect(theirs!.constructor.name).toBe(mine.constructor.name);
      const problems: string[] = [];
      if (isObjectType(mine) && isObjectType(theirs)) {
        const realFields = theirs.getFields();
        for (const field of Object.values(mine.getFields())) {
          const rf = realFields[field.name];
          if (!rf) {
            problems.push(`field ${field.name} missing`);
            continue;
          }
          if (String(rf.type) !== String(field.type))
            problems.push(
              `field ${field.name}: ${field.type} vs real ${rf.type}`,
            );
          for (const arg of field.args) {
            const ra = rf.args.find(a => a.name === arg.name);
            if (!ra) problems.push(`arg ${field.name}(${arg.name}) missing`);
            else if (String(ra.type) !== String(arg.type))
              problems.push(
                `arg ${field.name}(${arg.name}): ${arg.type} vs real ${ra.type}`,
              );
          }
        }
      } else if (isInputObjectType(mine) && isInputObjectType(theirs)) {
        const realFields = theirs.getFields();
        for (const field of Object.values(mine.getFields())) {
          const rf = realFields[field.name];
          if (!rf) problems.push(`input field ${field.name} missing`);
          else if (String(rf.type) !== String(field.type))
            problems.push(
              `input field ${field.name}: ${field.type} vs real ${rf.type}`,
            );
        }
      } else if (isEnumType(mine) && isEnumType(theirs)) {
        const realValues = theirs.getValues().map(v => v.name);
        for (const v of mine.getValues()) {
          if (!realValues.includes(v.name))
            problems.push(`enum value ${v.name} missing`);
        }
      } else if (!isScalarType(mine)) {
        problems.push(`unexpected kind ${mine.constructor.name}`);
      }
      expect(problems).toEqual([]);
    },
  );
});
