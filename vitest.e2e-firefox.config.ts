import { defineConfig } from 'vitest/config';

// Real headless Firefox (WebDriver BiDi) against the Firefox build: `npm run test:e2e:firefox`.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
