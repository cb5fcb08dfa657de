package io.mediaflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Loopback port helpers. */
final class Ports {

  private Ports() {}

  /** The given port, or a free one when it is 0. */
  static int resolve(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(DevStackConfig.HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails fast with a clear message when something else already listens on the port. */
  static void requireFree(String what, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(DevStackConfig.HOST, port), 200);
    } catch (IOException free) {
      return;
    }
    throw new IllegalStateException(
        what
            + " cannot listen on "
            + DevStackConfig.HOST
            + ":"
            + port
            + ": the port is in use (is another dev stack running? `./mediaflow status`),"
            + " or choose another port with the MEDIAFLOW_*_PORT variables");
  }

  /** Waits until something accepts connections on the port. */
  static void awaitOpen(String what, int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(DevStackConfig.HOST, port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
  }

  /** Waits until nothing accepts connections on the port any more (a stopped child process). */
  static void awaitClosed(String what, int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(DevStackConfig.HOST, port), 200);
      } catch (IOException closed) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(what + " still listens on port " + port + " after " + timeout);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
