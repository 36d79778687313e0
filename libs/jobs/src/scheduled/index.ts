import { ExpiryNoticesJob, RecertificationNoticesJob } from './expiry-notices.job';
import { InterviewRemindersJob } from './interview-reminders.job';
import { OfficeNoticesJob } from './office-notices.job';
import { PurgeOrphanObjectsJob, PurgeUploadsJob } from './purge.job';

export { ExpiryNoticesJob, RecertificationNoticesJob, InterviewRemindersJob, OfficeNoticesJob, PurgeOrphanObjectsJob, PurgeUploadsJob };

/** The scheduled jobs, registered with JobsService in both apps (PlatformModule). */
export const SCHEDULED_JOBS = [InterviewRemindersJob, OfficeNoticesJob, ExpiryNoticesJob, RecertificationNoticesJob, PurgeUploadsJob, PurgeOrphanObjectsJob];
