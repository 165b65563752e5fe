/**
 * Every collection of the local database (DESIGN.md §3), with its schema and migrations.
 * Open-source RxDB allows 13 open collections at once: keep this list at 12 or fewer.
 */
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { appraisalMigrations, appraisalSchema, type AppraisalDoc } from './appraisals';
import { approvalMigrations, approvalSchema, type ApprovalDoc } from './approvals';
import { careMigrations, careSchema, type CareDoc } from './care';
import { dossierMigrations, dossierSchema, type DossierDoc } from './dossiers';
import { duesMigrations, duesSchema, type DuesDoc } from './dues';
import { meetingMigrations, meetingSchema, type MeetingDoc } from './meetings';
import { orgMigrations, orgSchema, type OrgDoc } from './orgs';
import { personMigrations, personSchema, type PersonDoc } from './people';
import { transferMigrations, transferSchema, type TransferDoc } from './transfers';

export * from './common';
export * from './orgs';
export * from './people';
export * from './dossiers';
export * from './meetings';
export * from './appraisals';
export * from './dues';
export * from './care';
export * from './transfers';
export * from './approvals';

/** The document type of each collection, by collection name. */
export interface DocTypes {
  orgs: OrgDoc;
  people: PersonDoc;
  dossiers: DossierDoc;
  meetings: MeetingDoc;
  appraisals: AppraisalDoc;
  dues: DuesDoc;
  care: CareDoc;
  transfers: TransferDoc;
  approvals: ApprovalDoc;
}
export type CollectionName = keyof DocTypes;

type CollectionDefinitions = {
  [K in CollectionName]: { schema: RxJsonSchema<DocTypes[K]>; migrationStrategies: MigrationStrategies };
};

export const collections: CollectionDefinitions = {
  orgs: { schema: orgSchema, migrationStrategies: orgMigrations },
  people: { schema: personSchema, migrationStrategies: personMigrations },
  dossiers: { schema: dossierSchema, migrationStrategies: dossierMigrations },
  meetings: { schema: meetingSchema, migrationStrategies: meetingMigrations },
  appraisals: { schema: appraisalSchema, migrationStrategies: appraisalMigrations },
  dues: { schema: duesSchema, migrationStrategies: duesMigrations },
  care: { schema: careSchema, migrationStrategies: careMigrations },
  transfers: { schema: transferSchema, migrationStrategies: transferMigrations },
  approvals: { schema: approvalSchema, migrationStrategies: approvalMigrations },
};

export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];
