export { BROWSER_PATH, browserUnavailable, describeInBrowser, openBrowser } from '@magekit/testing/browser';
