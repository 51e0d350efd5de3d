import { findSlapd } from './start-slapd';

describe('finding slapd', () => {
  it('given slapd is not installed, when a test asks for it, then it fails with how to install it instead of skipping', () => {
    expect(() => findSlapd(['/nonexistent/sbin/slapd'])).toThrow(/apt-get install -y --no-install-recommends slapd ldap-utils/);
  });
});
