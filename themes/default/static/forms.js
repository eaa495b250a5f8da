// Forms of `densho serve`: a new visit from a company page; a reflection and promise check-boxes on
// a visit page. They exist only when the page was served by `densho serve` with editing on, which
// puts <meta name="densho-token"> in the page; a static site (file://, a web server) shows nothing.
// Everything from the notes is set with textContent or as a value, never parsed as HTML.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="densho-token"]');
  if (!meta || !window.fetch) return;
  var token = meta.getAttribute("content");
  var API = "/_densho/api/";

  var TEXT = {
    ja: {
      writeVisit: "訪問記録を書く", writeReflection: "振り返りを書く", save: "保存する", cancel: "閉じる",
      date: "日付", kind: "種別", staff: "担当", themes: "テーマ", referrals: "紹介", nextVisit: "次回訪問",
      addReferral: "紹介を追加", partner: "紹介先", status: "状況", note: "メモ", tasksHint: "1 行に 1 つ。約束（- [ ]）になります",
      promises: "未完了の約束（チェックで済みにします）", markDone: "済みにする", saving: "保存しています…", saved: "保存しました。ページを更新します…",
      failed: "保存できませんでした", network: "サーバーにつながりません", reflectedToday: "今日の振り返りはもう書かれています",
      noOpen: "未完了の約束はありません"
    },
    en: {
      writeVisit: "Write a visit note", writeReflection: "Write a reflection", save: "Save", cancel: "Close",
      date: "Date", kind: "Kind", staff: "Staff", themes: "Themes", referrals: "Referrals", nextVisit: "Next visit",
      addReferral: "Add a referral", partner: "Partner", status: "Status", note: "Note", tasksHint: "One per line; each becomes a promise (- [ ])",
      promises: "Open promises (check to mark done)", markDone: "Mark done", saving: "Saving…", saved: "Saved. Reloading…",
      failed: "Could not save", network: "The server cannot be reached", reflectedToday: "Today's reflection is already written",
      noOpen: "No open promises"
    }
  };
  var lang = (document.documentElement.getAttribute("lang") || "ja").slice(0, 2) === "en" ? "en" : "ja";
  var t = TEXT[lang];

  // The words for kinds and statuses are the theme's own UI strings (i18n/<language>.yml), which
  // the company page carries as data-kind-<id> / data-status-<id> on [data-densho-labels]: one
  // source for the pages and the forms. An id the page has no word for is shown as it is.
  var labelSource = document.querySelector("[data-densho-labels]");
  function labels(prefix, ids) {
    var words = {};
    (ids || []).forEach(function (id) {
      words[id] = (labelSource && labelSource.getAttribute("data-" + prefix + "-" + String(id).replace(/_/g, "-"))) || id;
    });
    return words;
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function call(method, route, body) {
    var options = { method: method, headers: { "X-Densho-Token": token }, cache: "no-store" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(API + route, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, body: json };
      });
    });
  }

  // Errors of a 422/409 go beside the field they name; the rest to the form's own alert.
  function showErrors(form, errors) {
    Array.prototype.forEach.call(form.querySelectorAll(".densho-field-error"), function (node) { node.textContent = ""; });
    var general = form.querySelector(".densho-form-alert");
    general.textContent = "";
    (errors || []).forEach(function (error) {
      var text = error.message + (error.line ? " (" + error.path + ":" + error.line + ":" + error.column + ")" : "");
      var slot = error.field && form.querySelector('.densho-field-error[data-field="' + cssEscape(error.field) + '"]');
      if (slot) slot.textContent = text;
      else general.appendChild(el("p", { text: text }));
    });
  }

  function cssEscape(text) { return String(text).replace(/["\\]/g, "\\$&"); }

  // One control in a <label>; a group of check-boxes (each its own label) in a named group.
  function field(label, name, control, hint) {
    var group = control.querySelector && control.querySelector("label");
    var row = group ? el("div", { role: "group", "aria-label": label, "class": "densho-group" }, [el("span", { "class": "densho-label", text: label }), control])
                    : el("label", {}, [el("span", { "class": "densho-label", text: label }), control]);
    return el("div", { "class": "densho-field" }, [
      row,
      hint ? el("small", { text: hint }) : null,
      el("p", { "class": "densho-field-error", "data-field": name, role: "alert" })
    ]);
  }

  function select(name, options, selected, labels) {
    var node = el("select", { name: name });
    options.forEach(function (value) {
      var option = el("option", { value: value, text: (labels && labels[value]) || value });
      if (value === selected) option.selected = true;
      node.appendChild(option);
    });
    return node;
  }

  function checkboxes(name, items, chosen) {
    var box = el("span", { "class": "densho-choices" });
    items.forEach(function (item) {
      var input = el("input", { type: "checkbox", name: name, value: item.id });
      if (chosen.indexOf(item.id) >= 0) input.checked = true;
      box.appendChild(el("label", {}, [input, document.createTextNode(" " + item.name)]));
    });
    return box;
  }

  function checked(form, name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  // Each line of 次の一手 becomes a task item unless it already is a list item.
  function taskLines(text) {
    return text.split(/\r?\n/).map(function (line) { return line.trim(); }).filter(Boolean).map(function (line) {
      return /^[-*+] /.test(line) ? line : "- [ ] " + line;
    }).join("\n");
  }

  function panel(anchor, title) {
    var form = el("form", { "class": "densho-form", "aria-label": title, novalidate: "" }, [
      el("h2", { text: title }), el("div", { "class": "densho-form-alert", role: "alert" })
    ]);
    anchor.parentNode.insertBefore(form, anchor.nextSibling);
    return form;
  }

  function buttons(form, onClose) {
    var save = el("button", { type: "submit", "class": "densho-save", text: t.save });
    var close = el("button", { type: "button", text: t.cancel });
    close.addEventListener("click", onClose);
    form.appendChild(el("p", { "class": "densho-buttons" }, [save, close, el("span", { "class": "densho-status", role: "status" })]));
  }

  function setStatus(form, text) { form.querySelector(".densho-status").textContent = text; }

  // Waits until the rebuilt site has the page, then opens it. Live reload may reload this page
  // first (the same rebuild changed it): the page to open is remembered for the reloaded page.
  var PENDING = "densho-open-after-build";
  function openWhenBuilt(url, tries) {
    try { sessionStorage.setItem(PENDING, url); } catch (e) { /* private mode: polling alone */ }
    fetch("/" + url, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.ok) { forget(); location.href = "/" + url; }
      else if (tries > 0) setTimeout(function () { openWhenBuilt(url, tries - 1); }, 200);
    }).catch(function () { if (tries > 0) setTimeout(function () { openWhenBuilt(url, tries - 1); }, 200); });
  }
  function forget() { try { sessionStorage.removeItem(PENDING); } catch (e) { /* nothing kept */ } }
  (function resumeOpening() {
    var url = null;
    try { url = sessionStorage.getItem(PENDING); } catch (e) { return; }
    if (!url) return;
    if (location.pathname === "/" + url) forget();
    else openWhenBuilt(url, 50);
  })();

  function visitForm(company, data, anchor, opener) {
    var form = panel(anchor, t.writeVisit + " — " + data.companyName);
    var people = data.people.slice();
    data.staff.forEach(function (id) { if (!people.some(function (p) { return p.id === id; })) people.push({ id: id, name: id }); });
    var vocabulary = data.vocabulary.slice();
    data.themes.forEach(function (theme) { if (vocabulary.indexOf(theme) < 0) vocabulary.push(theme); });
    form.appendChild(field(t.date, "date", el("input", { type: "date", name: "date", value: data.date, required: "" })));
    form.appendChild(field(t.kind, "kind", select("kind", data.kinds, "visit", labels("kind", data.kinds))));
    form.appendChild(field(t.staff, "staff", checkboxes("staff", people, data.staff)));
    form.appendChild(field(t.themes, "themes", checkboxes("themes", vocabulary.map(function (v) { return { id: v, name: v }; }), data.themes)));
    var referrals = el("div", { "class": "densho-referrals" });
    var add = el("button", { type: "button", "class": "densho-add-referral", text: t.addReferral });
    add.addEventListener("click", function () {
      referrals.appendChild(el("p", { "class": "densho-referral" }, [
        el("label", {}, [el("span", { text: t.partner + " " }), select("to", [""].concat(data.partners.map(function (p) { return p.id; })), "",
          data.partners.reduce(function (m, p) { m[p.id] = p.name; return m; }, { "": "—" }))]),
        el("label", {}, [el("span", { text: " " + t.status + " " }), select("status", data.statuses, "proposed", labels("status", data.statuses))]),
        el("label", {}, [el("span", { text: " " + t.note + " " }), el("input", { type: "text", name: "note" })])
      ]));
    });
    form.appendChild(field(t.referrals, "referrals", el("span", {}, [referrals, add])));
    form.appendChild(field(t.nextVisit, "next_visit", el("input", { type: "date", name: "next_visit" })));
    data.sections.forEach(function (heading, index) {
      var area = el("textarea", { name: "section", "data-heading": heading, rows: "4" });
      form.appendChild(field(heading, heading, area, index === 2 ? t.tasksHint : null));
    });
    buttons(form, function () { form.remove(); opener.disabled = false; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var sections = {};
      Array.prototype.forEach.call(form.querySelectorAll('textarea[name="section"]'), function (area, index) {
        var heading = area.getAttribute("data-heading");
        sections[heading] = index === 2 ? taskLines(area.value) : area.value;
      });
      var body = {
        company: company, date: form.elements.date.value, kind: form.elements.kind.value,
        staff: checked(form, "staff"), themes: checked(form, "themes"), sections: sections,
        referrals: Array.prototype.map.call(referrals.querySelectorAll(".densho-referral"), function (row) {
          return { to: row.querySelector('[name="to"]').value, status: row.querySelector('[name="status"]').value, note: row.querySelector('[name="note"]').value };
        }).filter(function (r) { return r.to; })
      };
      if (form.elements.next_visit.value) body.next_visit = form.elements.next_visit.value;
      submit(form, "visits", body, function (answer) { openWhenBuilt(answer.url, 100); });
    });
    var first = form.querySelector("input, select, textarea");
    if (first) first.focus();
  }

  function submit(form, route, body, done) {
    var save = form.querySelector(".densho-save") || {};
    setStatus(form, t.saving);
    save.disabled = true;
    call("POST", route, body).then(function (answer) {
      save.disabled = false;
      if (answer.status === 200 || answer.status === 201) {
        setStatus(form, t.saved);
        showErrors(form, []);
        done(answer.body);
      } else {
        setStatus(form, t.failed + " (" + answer.status + ")");
        showErrors(form, answer.body.errors || [{ message: t.failed }]);
      }
    }).catch(function () {
      save.disabled = false;
      setStatus(form, t.network);
    });
  }

  function reflectionForm(note, anchor, opener) {
    var form = panel(anchor, t.writeReflection);
    if (note.reflectedToday) form.querySelector(".densho-form-alert").textContent = t.reflectedToday;
    note.prompts.forEach(function (prompt) {
      form.appendChild(field(prompt, "answers", el("textarea", { name: "answer", "data-prompt": prompt, rows: "2" })));
    });
    buttons(form, function () { form.remove(); opener.disabled = false; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      Array.prototype.forEach.call(form.querySelectorAll('textarea[name="answer"]'), function (area) {
        answers[area.getAttribute("data-prompt")] = area.value;
      });
      // The page reloads by itself once the site is rebuilt (live reload).
      submit(form, "reflections", { path: note.path, digest: note.digest, answers: answers }, function () {});
    });
  }

  function promisePanel(note, anchor) {
    var open = note.promises.filter(function (p) { return !p.done; });
    var form = panel(anchor, t.promises);
    form.classList.add("densho-promises");
    if (!open.length) form.appendChild(el("p", { "class": "empty", text: t.noOpen }));
    var list = el("ul", {});
    open.forEach(function (promise) {
      var box = el("input", { type: "checkbox", "data-line": String(promise.line), "aria-label": t.markDone + ": " + promise.text });
      box.addEventListener("change", function () {
        if (!box.checked) return;
        box.disabled = true;
        submit(form, "promises", { path: note.path, digest: note.digest, line: promise.line, done: true }, function () {});
      });
      list.appendChild(el("li", {}, [el("label", {}, [box, document.createTextNode(" " + promise.text)])]));
    });
    form.appendChild(list);
    form.appendChild(el("p", { "class": "densho-buttons" }, [el("span", { "class": "densho-status", role: "status" })]));
  }

  function opener(container, label, onOpen) {
    var button = el("button", { type: "button", "class": "densho-open-form", text: label });
    button.addEventListener("click", function () { button.disabled = true; onOpen(button); });
    container.appendChild(button);
    return button;
  }

  var company = document.querySelector("[data-densho-company]");
  if (company) {
    var head = company.querySelector(".page-head") || company;
    opener(head, t.writeVisit, function (button) {
      var slug = company.getAttribute("data-densho-company");
      call("GET", "visit-form?company=" + encodeURIComponent(slug)).then(function (answer) {
        if (answer.status !== 200) { button.disabled = false; return; }
        visitForm(slug, answer.body, head, button);
      });
    });
  }

  var visit = document.querySelector("[data-densho-note]");
  if (visit) {
    var visitHead = visit.querySelector(".page-head") || visit;
    call("GET", "note?source=" + encodeURIComponent(visit.getAttribute("data-densho-note"))).then(function (answer) {
      if (answer.status !== 200) return;
      var note = answer.body;
      opener(visitHead, t.writeReflection, function (button) { reflectionForm(note, visitHead, button); });
      promisePanel(note, visitHead);
    });
  }
})();
