// The video element driven by hls.js (or the browser's own HLS where hls.js has no MSE, e.g. iOS).
// It reports levels, switches quality, recovers from media errors, and tells the page when the
// signed URLs have expired so the page can fetch fresh ones and continue at the same position.
import Hls from 'hls.js/light'; // no subtitles, alternate audio or DRM: half the size
import { AUTO, qualityOptions, variantOptions } from '../lib/quality.js';
import { playbackStats } from '../lib/stats.js';

const EXPIRED = new Set([401, 403, 410]);

export class Player {
  /** callbacks: onOptions(options, selected), onError(message, {expired}), onPlaying() */
  constructor(video, callbacks) {
    this.video = video;
    this.cb = callbacks;
    this.hls = null;
    this.stream = null;
    this.selected = AUTO;
    this.mediaRecoveries = 0;
  }

  load(stream, startAt = 0) {
    this.stream = stream;
    this.teardown();
    if (Hls.isSupported()) this.loadWithHlsJs(stream.masterUrl, startAt);
    else if (this.video.canPlayType('application/vnd.apple.mpegurl')) this.loadNative(stream.masterUrl, startAt);
    else this.cb.onError('This browser cannot play HLS video. Use a current Chrome, Firefox, Edge or Safari.', {});
  }

  loadWithHlsJs(url, startAt) {
    const hls = new Hls({ startPosition: startAt > 0 ? startAt : -1, capLevelToPlayerSize: false });
    this.hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      if (this.selected !== AUTO && hls.levels[this.selected]) hls.currentLevel = this.selected;
      else this.selected = AUTO;
      this.publishOptions();
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, () => this.publishOptions());
    hls.on(Hls.Events.ERROR, (_event, data) => this.onHlsError(data));
    hls.loadSource(url);
    hls.attachMedia(this.video);
  }

  loadNative(url, startAt) {
    this.video.src = url;
    if (startAt > 0) this.video.addEventListener('loadedmetadata', () => { this.video.currentTime = startAt; }, { once: true });
    this.video.onerror = () => {
      const err = this.video.error;
      this.cb.onError(`Playback failed${err?.message ? `: ${err.message}` : ''}. The link may have expired.`, { expired: true });
    };
    this.publishOptions();
  }

  publishOptions() {
    if (this.hls) {
      const playing = this.hls.currentLevel >= 0 ? this.hls.currentLevel : this.hls.loadLevel;
      this.cb.onOptions(qualityOptions(this.hls.levels, this.selected === AUTO ? playing : AUTO), this.selected);
    } else {
      this.cb.onOptions(variantOptions(this.stream?.variants), this.selected === AUTO ? 'auto' : this.selected);
    }
  }

  /** value: a level index (AUTO = -1) with hls.js, or a profile / 'auto' natively. */
  setQuality(value) {
    if (this.hls) {
      const level = Number(value);
      this.selected = level;
      // currentLevel switches now (flushing the buffer), which is what someone choosing expects;
      // -1 hands the choice back to hls.js's bandwidth estimate.
      this.hls.currentLevel = level;
      this.publishOptions();
      return;
    }
    const option = variantOptions(this.stream?.variants).find((o) => o.value === value);
    const url = value === 'auto' || !option ? this.stream.masterUrl : option.url;
    const { currentTime, paused } = this.video;
    this.selected = value === 'auto' ? AUTO : value;
    this.video.src = url;
    this.video.addEventListener('loadedmetadata', () => {
      this.video.currentTime = currentTime;
      if (!paused) this.video.play().catch(() => {});
    }, { once: true });
  }

  onHlsError(data) {
    if (!data.fatal) return;
    const status = data.response?.code ?? data.networkDetails?.status ?? 0;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && EXPIRED.has(status)) {
      this.cb.onError('The playback link has expired.', { expired: true });
      return;
    }
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && this.mediaRecoveries < 2) {
      this.mediaRecoveries += 1;
      if (this.mediaRecoveries === 2) this.hls.swapAudioCodec();
      this.hls.recoverMediaError();
      return;
    }
    const why = data.type === Hls.ErrorTypes.NETWORK_ERROR
      ? `the video could not be downloaded${status ? ` (HTTP ${status})` : ''}`
      : `the video could not be decoded (${data.details})`;
    this.cb.onError(`Playback stopped: ${why}.`, { retry: true });
  }

  stats() {
    const level = this.hls && this.hls.currentLevel >= 0 ? this.hls.levels[this.hls.currentLevel] : null;
    return playbackStats({ video: this.video, level, bandwidthEstimate: this.hls ? this.hls.bandwidthEstimate : null });
  }

  levelCount() {
    return this.hls ? this.hls.levels.length : Object.keys(this.stream?.variants || {}).length;
  }

  teardown() {
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    this.video.onerror = null;
    this.mediaRecoveries = 0;
  }

  destroy() {
    this.teardown();
    this.video.removeAttribute('src');
    this.video.load();
  }
}
