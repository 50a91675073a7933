import { MESSAGE_TYPE, READONLY_PROPERTIES, WRITABLE_PROPERTIES } from "./protocol";

/**
 * `sdk.latest.js`: defines `window.Stream(iframe)`, returning a player object with the properties,
 * methods and events of Stream's Player API (§6), backed by postMessage to the emulator's iframe.
 * Property reads are served from the last values the iframe reported; writes are sent at once
 * (queued until the iframe is ready). `play()` resolves or rejects with the iframe's answer.
 */
export const SDK_SCRIPT = `/* streamkit emulator: Stream Player SDK */
(function () {
  "use strict";
  var T = ${JSON.stringify(MESSAGE_TYPE)};
  var WRITABLE = ${JSON.stringify(WRITABLE_PROPERTIES)};
  var READONLY = ${JSON.stringify(READONLY_PROPERTIES)};
  var PLAY_TIMEOUT_MS = 15000;

  function timeRanges(list) {
    list = list || [];
    return {
      length: list.length,
      start: function (i) { if (!list[i]) throw new RangeError("index out of range"); return list[i].start; },
      end: function (i) { if (!list[i]) throw new RangeError("index out of range"); return list[i].end; }
    };
  }

  function makeEvent(type) {
    try { return new Event(type); } catch (e) { return { type: type }; }
  }

  function Stream(iframe) {
    if (!iframe || String(iframe.tagName).toUpperCase() !== "IFRAME") {
      throw new TypeError("Stream(iframe): expected an <iframe> element");
    }
    var state = {
      autoplay: false, controls: true, currentTime: 0, duration: NaN, ended: false, loop: false,
      muted: false, paused: true, playbackRate: 1, preload: "none", volume: 1, videoHeight: 0,
      videoWidth: 0, poster: "", primaryColor: "", letterboxColor: "", defaultTextTrack: "",
      adUrl: "", src: "", buffered: timeRanges([]), played: timeRanges([])
    };
    var listeners = {};
    var ready = false;
    var outbox = [];
    var pending = {};
    var nextRequest = 1;

    function send(msg) {
      if (ready && iframe.contentWindow) iframe.contentWindow.postMessage(msg, "*");
      else outbox.push(msg);
    }
    function command(type, fields) {
      var msg = fields || {};
      msg[T] = type;
      send(msg);
    }
    function dispatch(type) {
      var handlers = (listeners[type] || []).slice();
      var event = makeEvent(type);
      for (var i = 0; i < handlers.length; i++) {
        try { handlers[i].call(player, event); } catch (err) { setTimeout(function () { throw err; }); }
      }
    }

    window.addEventListener("message", function (e) {
      if (!iframe.contentWindow || e.source !== iframe.contentWindow) return;
      var d = e.data;
      if (!d || typeof d !== "object") return;
      switch (d[T]) {
        case "iframeReady":
          ready = true;
          var queued = outbox;
          outbox = [];
          for (var i = 0; i < queued.length; i++) iframe.contentWindow.postMessage(queued[i], "*");
          break;
        case "propertyChange":
          state[d.property] = d.value === null && d.property === "duration" ? NaN : d.value;
          break;
        case "bufferedTimeRangesUpdate":
          state.buffered = timeRanges(d.timeRanges);
          break;
        case "playedTimeRangesUpdate":
          state.played = timeRanges(d.timeRanges);
          break;
        case "event":
          dispatch(d.eventName);
          break;
        case "playResult":
          var request = pending[d.requestId];
          if (!request) break;
          delete pending[d.requestId];
          clearTimeout(request.timer);
          if (d.ok) request.resolve();
          else {
            var error = new Error(d.detail || "play() failed");
            error.name = d.error || "Error";
            request.reject(error);
          }
          break;
      }
    });

    var player = {
      addEventListener: function (type, handler) {
        if (typeof handler !== "function") return;
        (listeners[type] = listeners[type] || []);
        if (listeners[type].indexOf(handler) < 0) listeners[type].push(handler);
      },
      removeEventListener: function (type, handler) {
        var list = listeners[type];
        if (!list) return;
        var at = list.indexOf(handler);
        if (at >= 0) list.splice(at, 1);
      },
      play: function () {
        return new Promise(function (resolve, reject) {
          var id = nextRequest++;
          var timer = setTimeout(function () {
            delete pending[id];
            reject(new Error("play() got no answer from the player iframe"));
          }, PLAY_TIMEOUT_MS);
          pending[id] = { resolve: resolve, reject: reject, timer: timer };
          command("playCommand", { requestId: id });
        });
      },
      pause: function () {
        command("pauseCommand");
      }
    };

    WRITABLE.forEach(function (name) {
      Object.defineProperty(player, name, {
        enumerable: true,
        get: function () { return state[name]; },
        set: function (value) {
          state[name] = value;
          command("setProperty", { property: name, value: value });
        }
      });
    });
    READONLY.forEach(function (name) {
      Object.defineProperty(player, name, { enumerable: true, get: function () { return state[name]; } });
    });

    // The iframe may have loaded before this call: ask it to announce itself again.
    try { if (iframe.contentWindow) iframe.contentWindow.postMessage((function () { var m = {}; m[T] = "sync"; return m; })(), "*"); } catch (e) {}
    return player;
  }

  window.Stream = Stream;
})();
`;
