export { BROWSER_PATH, browserUnavailable, openBrowser } from '@magekit/testing/browser';
