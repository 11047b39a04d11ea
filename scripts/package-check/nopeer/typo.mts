// Must NOT compile: a misspelt member (and the required Name and S3BucketName missing).
import { createLocalTrail } from 'localtrail';

await createLocalTrail().createTrail({ Nmae: 'typo' });
