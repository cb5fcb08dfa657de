package io.mediaflow.api.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is asking: the token's subject and whether it holds the admin role. */
public record Viewer(String user, boolean admin) {

  public static Viewer of(Authentication authentication) {
    boolean admin =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch("ROLE_admin"::equals);
    return new Viewer(authentication.getName(), admin);
  }

  public boolean owns(String owner) {
    return user != null && user.equals(owner);
  }
}
