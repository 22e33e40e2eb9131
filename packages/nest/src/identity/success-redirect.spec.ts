import { chooseSuccessRedirect } from './success-redirect';

describe('success_call_back redirect (no open redirect)', () => {
  it.each([
    [
      'https://shop.example.com/admin/admin/integration/loginSuccessCallback/',
      'https://shop.example.com/',
      'https://shop.example.com/admin/admin/integration/loginSuccessCallback/',
    ],
    [
      'https://shop.example.com/index.php/admin/x/?key=abc',
      'https://shop.example.com/magento/',
      'https://shop.example.com/index.php/admin/x/?key=abc',
    ],
    ['http://127.0.0.1:8080/admin/cb', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080/admin/cb'],
  ])('redirects %s for store %s', (target, store, expected) => {
    expect(chooseSuccessRedirect(target, store)).toBe(expected);
  });

  it.each([
    ['https://evil.example.net/admin/', 'https://shop.example.com/'],
    ['https://shop.example.com.evil.net/', 'https://shop.example.com/'],
    ['http://shop.example.com/admin/', 'https://shop.example.com/'],
    ['https://shop.example.com:8443/admin/', 'https://shop.example.com/'],
    ['https://user@shop.example.com/admin/', 'https://shop.example.com/'],
    ['javascript:alert(1)', 'https://shop.example.com/'],
    ['//evil.example.net/', 'https://shop.example.com/'],
    ['/admin/relative', 'https://shop.example.com/'],
    ['', 'https://shop.example.com/'],
    ['https://shop.example.com/admin/', null],
  ])('shows the "linked" page for %s (store %s)', (target, store) => {
    expect(chooseSuccessRedirect(target, store)).toBeNull();
  });
});
