package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.EditMetadata;
import io.mediaflow.events.Rendition;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.events.RenditionStatus;
import io.mediaflow.events.Reprocess;
import io.mediaflow.events.Restore;
import io.mediaflow.events.SoftDelete;
import io.mediaflow.projector.jobs.JobFactory;
import io.mediaflow.projector.jobs.Storyboard;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.profiles.ProfileSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Commands from the API: metadata edit, soft delete, restore and reprocess. Unknown assets ignore them. */
final class CommandRules {

  private CommandRules() {}

  static void apply(Draft d, AssetCommand command, ProfileLadder ladder) {
    if (!d.exists()) {
      return;
    }
    Object c = command.getCommand();
    if (c instanceof EditMetadata e) {
      edit(d, e);
    } else if (c instanceof SoftDelete) {
      d.state.setDeleted(true);
    } else if (c instanceof Restore) {
      d.state.setDeleted(false);
    } else if (c instanceof Reprocess r) {
      reprocess(d, r.getProfiles(), ladder);
    }
  }

  private static void edit(Draft d, EditMetadata e) {
    if (e.getTitle() != null) {
      d.state.setTitle(e.getTitle());
    }
    if (e.getDescription() != null) {
      d.state.setDescription(e.getDescription());
    }
    if (e.getAccess() != null) {
      d.state.setAccess(e.getAccess());
    }
    if (e.getMetadata() != null) {
      d.state.setMetadata(new HashMap<>(e.getMetadata()));
    }
  }

  /**
   * A new generation: the asked profiles (all when none) plus any rendition not yet finished are
   * made again under the new generation's prefix, whose outputs replace the old; finished renditions
   * that were not asked for keep their results. Results of older generations are ignored from now.
   * Needs a probed source: before ingest succeeded there is nothing to reprocess.
   */
  private static void reprocess(Draft d, List<String> names, ProfileLadder ladder) {
    if (d.state.getMedia() == null) {
      return;
    }
    List<RenditionProfile> asked = ProfileSelector.select(ladder, d.state.getMedia(), names);
    Set<RenditionProfile> redo = new LinkedHashSet<>(asked);
    for (Rendition r : d.state.getRenditions()) {
      boolean finished = r.getStatus() == RenditionStatus.READY || r.getStatus() == RenditionStatus.FAILED;
      if (!finished && d.profiles.containsKey(r.getProfile())) {
        redo.add(d.profiles.get(r.getProfile()));
      }
    }
    if (redo.isEmpty()) {
      return;
    }
    int generation = d.state.getGeneration() + 1;
    d.state.setGeneration(generation).setError(null).setStatus(AssetStatus.PROCESSING);
    List<Rendition> renditions = new ArrayList<>(d.state.getRenditions());
    for (RenditionProfile p : redo) {
      renditions.removeIf(r -> r.getProfile().equals(p.getName()));
      renditions.add(Rendition.newBuilder().setProfile(p.getName()).setStatus(RenditionStatus.PENDING).build());
      d.profiles.put(p.getName(), p);
      d.attempts.put(p.getName(), 1);
    }
    d.attempts.remove(JobFactory.INGEST);
    // the new generation's storyboard comes from the highest video profile made again
    d.storyboardProfile = Storyboard.profileOf(redo);
    renditions.sort(Comparator.comparing(r -> d.profiles.get(r.getProfile()), ProfileLadder.SMALLEST_FIRST));
    d.state.setRenditions(renditions);
    for (RenditionProfile p : redo.stream().sorted(ProfileLadder.SMALLEST_FIRST).toList()) {
      d.jobs.add(JobFactory.transcode(d.assetId, generation, p, d.state.getMedia(), d.makesStoryboard(p.getName()), 1, d.at));
    }
    FanIn.refresh(d.state);
  }
}
