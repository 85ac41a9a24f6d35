/** Once per browser test run: compiles the server the tests start (as `npm start` does). */
import { ensureServerBuild } from '../scripts/build-server.js';

export default async function setup() {
  await ensureServerBuild();
}
