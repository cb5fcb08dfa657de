package io.mediaflow.api.overload;

import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;

/**
 * How many requests wait in Tomcat's executor queue for a thread: work the in-flight limit cannot
 * see, because a request only reaches the filter once a thread takes it. Under CPU overload (the load
 * test: 2 cores shared with uploads and encodes) that queue, not the requests in flight, is where
 * reads waited up to a minute. 0 until the connector is known.
 */
final class TomcatQueue implements IntSupplier {

  private volatile Connector connector;

  void connector(Connector connector) {
    this.connector = connector;
  }

  @Override
  public int getAsInt() {
    Connector c = connector;
    if (c == null) {
      return 0;
    }
    Executor executor = c.getProtocolHandler().getExecutor();
    if (executor instanceof ThreadPoolExecutor tomcat) {
      return tomcat.getQueue().size();
    }
    if (executor instanceof java.util.concurrent.ThreadPoolExecutor jdk) {
      return jdk.getQueue().size();
    }
    return 0;
  }
}
