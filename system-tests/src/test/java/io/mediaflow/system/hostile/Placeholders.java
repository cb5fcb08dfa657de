package io.mediaflow.system.hostile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} in the manifest and fixtures: the canary's path and URL, the victim's ids, and
 * {@code ${REPEAT:c:n}} (c repeated n times) for overlong names, headers and JSON.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(?::([^:}]+):(\\d+))?}");
  private final Map<String, String> values = new ConcurrentHashMap<>();

  void put(String name, String value) {
    values.put(name, value);
  }

  String expand(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1).equals("REPEAT")) {
        replacement = m.group(2).repeat(Integer.parseInt(m.group(3)));
      } else {
        replacement = values.get(m.group(1));
        if (replacement == null) {
          throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
