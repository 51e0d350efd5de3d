/** Signs out at the portal and at the identity provider (a POST: links and prefetches never sign anyone out). */
export function SignOutButton() {
  return (
    <form action="/auth/sign-out" method="post">
      <button type="submit" className="button button--secondary">
        Sign out
      </button>
    </form>
  );
}
