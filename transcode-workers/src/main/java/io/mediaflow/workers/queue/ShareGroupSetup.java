package io.mediaflow.workers.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Group settings the fleet relies on, applied at start-up (idempotent). Without
 * share.auto.offset.reset=earliest a new group skips every job produced before it first joined.
 */
public final class ShareGroupSetup {

  private ShareGroupSetup() {}

  public static void apply(Admin admin, String group) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
    List<AlterConfigOp> ops =
        List.of(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET));
    try {
      admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring share group " + group, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot configure share group " + group + ": " + e.getMessage(), e);
    }
  }
}
