/**
 * Whether a job's `job-originating-user-name` belongs to a user. Print clients send the name in
 * whatever form their OS uses: Windows sends `DOMAIN\user`, Kerberos and some drivers
 * `user@realm`, and case differs between clients; the directory's username is the plain name.
 */
export function plainOwnerName(owner: string): string {
  const afterDomain = owner.slice(owner.lastIndexOf('\\') + 1);
  const at = afterDomain.indexOf('@');
  return (at >= 0 ? afterDomain.slice(0, at) : afterDomain).trim().toLowerCase();
}

export function jobBelongsTo(owner: string, username: string): boolean {
  const plain = plainOwnerName(owner);
  return plain.length > 0 && plain === plainOwnerName(username);
}
