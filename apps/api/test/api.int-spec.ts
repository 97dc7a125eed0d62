import { describeApiE2e } from './support/api-e2e.scenarios';
import { distributedApi } from './support/real-api';

describeApiE2e('distributed (MySQL + Bull on Redis)', distributedApi);
