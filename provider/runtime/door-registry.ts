/**
 * Some settings can be reached through two doors: the Backend API (OrganizationSettings,
 * InstanceRestrictions) and the Platform API's configuration document (OrganizationConfig,
 * AccessControl). A field declared through both in one program would make the two resources fight on
 * every `up`, and two document resources of the same section would too. Preview runs `check` for every
 * resource in the one provider process, so each check records the document fields its resource declares
 * here and refuses one another resource of the same instance already declares, naming both.
 */
export class FieldClaims {
  /** Per instance ("" the default): document field → who declares it. */
  private readonly holders = new Map<string, Map<string, string>>();

  /**
   * Records that `claimant` (`OrganizationSettings "org"`) declares `paths` in `instance`, replacing what
   * it declared before (check runs again on every preview); answers the fields another resource holds.
   */
  claim(instance: string, claimant: string, paths: readonly string[]): { path: string; holder: string }[] {
    let held = this.holders.get(instance);
    if (!held) {
      held = new Map();
      this.holders.set(instance, held);
    }
    for (const [path, holder] of held) if (holder === claimant) held.delete(path);
    const clashes: { path: string; holder: string }[] = [];
    for (const path of paths) {
      const holder = held.get(path);
      if (holder !== undefined && holder !== claimant) clashes.push({ path, holder });
      else held.set(path, claimant);
    }
    return clashes;
  }
}
