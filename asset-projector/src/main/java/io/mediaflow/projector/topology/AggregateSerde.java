package io.mediaflow.projector.topology;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.events.UploadStarted;
import io.mediaflow.projector.asset.AssetAggregate;
import io.mediaflow.projector.upload.UploadTracking;
import io.mediaflow.schemas.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The store (and changelog) format of {@link AssetAggregate}: a format byte, then each part. The
 * Avro parts use single-object encoding (schema fingerprint first), so they stay readable when the
 * schemas evolve compatibly. Internal to the projector: nobody else reads its changelog.
 */
public final class AggregateSerde implements Serde<AssetAggregate> {

  /**
   * 2: upload tracking keeps a chunk count (chunks in their own store), the storyboard profile at the
   * end; 1: it kept every chunk key.
   */
  private static final byte FORMAT = 2;
  private static final byte FORMAT_WITH_CHUNK_KEYS = 1;
  private static final Serde<AssetState> STATE = Topics.ASSET_STATE.valueSerde();

  @Override
  public Serializer<AssetAggregate> serializer() {
    return (topic, aggregate) -> aggregate == null ? null : write(aggregate);
  }

  @Override
  public Deserializer<AssetAggregate> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(bytes);
  }

  static byte[] write(AssetAggregate a) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      UploadTracking u = a.upload();
      writeBytes(out, u.started() == null ? null : toBytes(u.started().toByteBuffer()));
      out.writeInt(u.received());
      out.writeBoolean(u.abortReason() != null);
      if (u.abortReason() != null) {
        out.writeUTF(u.abortReason());
      }
      out.writeBoolean(u.completed());
      writeBytes(out, a.state() == null ? null : STATE.serializer().serialize(null, a.state()));
      out.writeInt(a.attempts().size());
      for (Map.Entry<String, Integer> attempt : new TreeMap<>(a.attempts()).entrySet()) {
        out.writeUTF(attempt.getKey());
        out.writeInt(attempt.getValue());
      }
      out.writeInt(a.profiles().size());
      for (RenditionProfile p : new TreeMap<>(a.profiles()).values()) {
        writeBytes(out, toBytes(p.toByteBuffer()));
      }
      out.writeBoolean(a.storyboardProfile() != null);
      if (a.storyboardProfile() != null) {
        out.writeUTF(a.storyboardProfile());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AssetAggregate read(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte format = in.readByte();
      if (format != FORMAT && format != FORMAT_WITH_CHUNK_KEYS) {
        throw new IllegalStateException("Unknown asset aggregate format " + format);
      }
      byte[] startedBytes = readBytes(in);
      UploadStarted started = startedBytes == null ? null : UploadStarted.fromByteBuffer(ByteBuffer.wrap(startedBytes));
      int received = format == FORMAT ? in.readInt() : legacyChunkCount(in, started);
      String abortReason = in.readBoolean() ? in.readUTF() : null;
      boolean completed = in.readBoolean();
      byte[] stateBytes = readBytes(in);
      AssetState state = stateBytes == null ? null : STATE.deserializer().deserialize(null, stateBytes);
      Map<String, Integer> attempts = new HashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        attempts.put(in.readUTF(), in.readInt());
      }
      Map<String, RenditionProfile> profiles = new HashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        RenditionProfile p = RenditionProfile.fromByteBuffer(ByteBuffer.wrap(readBytes(in)));
        profiles.put(p.getName(), p);
      }
      // format 1 ended here: its generation's storyboard job (if any) is not re-made on a retry
      String storyboard = format == FORMAT && in.readBoolean() ? in.readUTF() : null;
      return new AssetAggregate(new UploadTracking(started, received, abortReason, completed), state, attempts, profiles, storyboard);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Format 1 kept every chunk key in the aggregate: only their number is kept now. Their keys follow
   * the contract, which {@link UploadTracking#orderedChunkKeys} falls back to for indexes the ledger lacks.
   */
  private static int legacyChunkCount(DataInputStream in, UploadStarted started) throws IOException {
    int counted = 0;
    for (int i = in.readInt(); i > 0; i--) {
      int index = in.readInt();
      in.readUTF();
      counted += started == null || index < started.getTotalChunks() ? 1 : 0;
    }
    return counted;
  }

  private static byte[] toBytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
