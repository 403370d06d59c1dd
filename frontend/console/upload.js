// Picture uploads through POST /api/v1/admin/campaigns/{id}/media: PNG, JPEG,
// GIF or WebP, at most 2 MB (the server checks type, content and size and
// answers 415 or 413 with a message, shown as is under the control).

import { isCampaignId } from "../shared/campaign-id.js";
import { api, errorOf } from "./api.js";
import { announce, h } from "./dom.js";
import { t } from "./i18n.js";

// Far over the server's limit: refused here without sending the bytes.
const LOCAL_LIMIT = 16 * 1024 * 1024;

let uploadCount = 0;

/**
 * A button-like file picker with its own status and error line.
 *   uploadControl({campaignId: () => "spring", testid, label, onUploaded: (url) => ...})
 * @param {object} options
 * @param {() => string} options.campaignId
 * @param {string} options.testid
 * @param {string} options.label
 * @param {string} [options.describedBy] the id of a hint the control also names
 * @param {(url: string) => void} options.onUploaded
 */
export function uploadControl({ campaignId, testid, label, describedBy, onUploaded }) {
  const number = ++uploadCount;
  const inputId = `upload-${number}`;
  const status = h("p", { class: "upload-status", id: `${inputId}-status`, role: "status" });
  const errorSlot = h("div", { class: "upload-error-slot", id: `${inputId}-error` });
  const input = h("input", {
    type: "file",
    id: inputId,
    class: "file-input visually-hidden",
    accept: "image/png,image/jpeg,image/gif,image/webp",
    "data-testid": testid,
    "aria-describedby": [`${inputId}-status`, `${inputId}-error`, describedBy].filter(Boolean).join(" "),
    onchange: () => {
      const file = input.files?.[0];
      input.value = ""; // the same file can be picked again
      if (file) send(file);
    },
  });
  const button = h(
    "label",
    { for: inputId, class: "button button-secondary button-small upload-button" },
    h(
      "svg:svg",
      { viewBox: "0 0 24 24", class: "icon", "aria-hidden": "true", focusable: "false" },
      h("svg:path", {
        d: "M12 16V4m0 0-5 5m5-5 5 5M5 20h14",
        fill: "none",
        stroke: "currentColor",
        "stroke-width": 2,
        "stroke-linecap": "round",
        "stroke-linejoin": "round",
      }),
    ),
    h("span", {}, label),
  );
  const root = h("div", { class: "upload" }, input, button, status, errorSlot);

  function showError(message) {
    errorSlot.replaceChildren(
      h("p", { class: "field-error upload-error", "data-testid": "upload-error", role: "alert" }, message),
    );
  }

  async function send(file) {
    // One upload message at a time on the page.
    for (const old of document.querySelectorAll("[data-testid=upload-error]")) old.remove();
    status.textContent = "";
    const id = campaignId();
    if (!isCampaignId(id)) {
      showError(t("uploadNeedsId"));
      return;
    }
    if (file.size > LOCAL_LIMIT) {
      showError(t("uploadFailed", "payload_too_large", "pictures must be at most 2 MB"));
      return;
    }
    root.classList.add("busy");
    input.disabled = true;
    status.textContent = t("uploading", file.name);
    const reply = await api.media(id, file);
    root.classList.remove("busy");
    input.disabled = false;
    if (reply.ok && reply.data?.url) {
      status.textContent = t("uploaded", file.name);
      announce(t("uploaded", file.name));
      onUploaded(reply.data.url);
      return;
    }
    status.textContent = "";
    const error = errorOf(reply);
    showError(t("uploadFailed", error.code, error.message));
  }

  return root;
}
