package io.mediaflow.ingest.chunked;

import org.springframework.security.core.Authentication;

/** Role checks on the authenticated user (the platform maps the JWT's roles to ROLE_*). */
public final class Roles {

  private Roles() {}

  public static boolean isAdmin(Authentication user) {
    return user.getAuthorities().stream().anyMatch(a -> "ROLE_admin".equals(a.getAuthority()));
  }
}
