import { buildDist } from '../e2e/build-dist.js';

// The soak tests run bin/bantin.js as the end-to-end tests do: build dist/ from the current sources.
export default function setup(): void {
  buildDist();
}
