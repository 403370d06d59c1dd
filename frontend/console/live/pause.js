// The live page's pause control: Pause and Resume buttons (one shown at a
// time), a confirmation, the request, and the outcome said in the page's
// message line; focus follows to the button that is shown. Uses the
// console's api.js, dom.js and i18n.js.

import { api, errorOf } from "../api.js";
import { confirmDialog, focusElement, h } from "../dom.js";
import { t } from "../i18n.js";

/**
 * The buttons for campaign `id`. `message`: the page's message line.
 * title() gives the campaign's title for the dialog; onChanged({paused,
 * status}) after the server took the change.
 */
export function createPauseControl(id, message, { title, onChanged, isDestroyed }) {
  const button = (testid, kind, paused) =>
    h(
      "button",
      {
        type: "button",
        class: `button ${kind}`,
        "data-testid": testid,
        hidden: true,
        onclick: () => setPaused(paused),
      },
      t(testid),
    );
  const pause = button("pause", "button-secondary", true);
  const resume = button("resume", "button-primary", false);

  async function setPaused(paused) {
    const name = title() ?? id;
    const yes = await confirmDialog({
      title: paused ? t("pauseTitle", name) : t("resumeTitle", name),
      body: [h("p", {}, paused ? t("pauseBody") : t("resumeBody"))],
      confirm: paused ? t("pause") : t("resume"),
      danger: paused,
    });
    if (!yes) return;
    message.textContent = paused ? t("pausing") : t("resuming");
    const reply = await (paused ? api.pause(id) : api.resume(id));
    if (isDestroyed()) return;
    if (!reply.ok) {
      const error = errorOf(reply);
      message.textContent = t("pauseFailed", error.message || error.code);
      return;
    }
    onChanged({ paused: reply.data.paused, status: reply.data.status });
    message.textContent = reply.data.paused ? t("pausedNow") : t("resumedNow");
    focusElement(reply.data.paused ? resume : pause, { scroll: false });
  }

  return {
    pause,
    resume,
    /** Shows the button for `paused`, keeping focus on the pair. */
    show(paused) {
      const pauseFocused = document.activeElement === pause;
      const resumeFocused = document.activeElement === resume;
      pause.hidden = paused;
      resume.hidden = !paused;
      if (pauseFocused && pause.hidden) resume.focus();
      if (resumeFocused && resume.hidden) pause.focus();
    },
  };
}
