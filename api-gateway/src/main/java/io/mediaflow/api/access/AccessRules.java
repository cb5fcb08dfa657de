package io.mediaflow.api.access;

/**
 * Who may do what to an asset, as pure functions of the asset's owner, access and deletion and of
 * the viewer, so the same rules hold for answers from MongoDB and from the cache.
 *
 * <ul>
 *   <li>read: private → owner and admins; unlisted and public → any authenticated user with the id
 *   <li>listed: own assets and public ones; admins see every asset
 *   <li>edit, delete, reprocess: owner and admins; restore: admins only
 * </ul>
 *
 * Deleted assets are "absent" for reading and listing (404), whoever asks; only restore sees them.
 */
public final class AccessRules {

  private AccessRules() {}

  public static Decision read(String owner, Access access, boolean deleted, Viewer viewer) {
    if (deleted) {
      return Decision.NOT_FOUND;
    }
    if (viewer.admin() || viewer.owns(owner) || access != Access.PRIVATE) {
      return Decision.ALLOW;
    }
    return Decision.FORBIDDEN;
  }

  public static boolean listed(String owner, Access access, boolean deleted, Viewer viewer) {
    return !deleted && (viewer.admin() || viewer.owns(owner) || access == Access.PUBLIC);
  }

  /** Edit metadata, soft delete and reprocess. */
  public static Decision modify(String owner, Access access, boolean deleted, Viewer viewer) {
    if (deleted) {
      return Decision.NOT_FOUND;
    }
    return viewer.admin() || viewer.owns(owner) ? Decision.ALLOW : Decision.FORBIDDEN;
  }

  /** Restore is for admins; to anyone else a deleted asset does not exist. */
  public static Decision restore(boolean deleted, Viewer viewer) {
    if (!viewer.admin()) {
      return Decision.ADMIN_ONLY;
    }
    return deleted ? Decision.ALLOW : Decision.NOT_DELETED;
  }

  /** What to answer. */
  public enum Decision {
    ALLOW,
    FORBIDDEN,
    ADMIN_ONLY,
    NOT_FOUND,
    NOT_DELETED
  }
}
