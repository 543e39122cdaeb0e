/*
 * Chat widget for the MBC palliative care assistant.
 *
 * Talks to Rasa's socket.io channel (session_request / session_confirm,
 * user_uttered / bot_uttered). The conversation is kept in sessionStorage, so a
 * reload shows it again and continues the same session on the server; closing
 * the tab forgets it on this device. Every message is inserted as text, never as
 * HTML: only web addresses and phone numbers become links, built by this script.
 *
 * English or Spanish: the header's switch changes the conversation's language (it tells
 * the assistant, which answers in it from then on), and the widget follows when the
 * assistant changes language because the person writes in the other one (the server's
 * "conversation_language" event). The widget's own texts and its `lang` attribute, which
 * screen readers use to pick a voice, follow too.
 *
 * Embed: <script src=".../socket.io.min.js" defer></script>
 *        <script src=".../chat.js" data-server-url="https://rasa.example.org" defer></script>
 * data-language="es" starts in Spanish (by default, the page's own `lang`).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var SERVER_URL = (script && script.getAttribute("data-server-url")) ||
    window.location.protocol + "//" + window.location.hostname + ":5005";
  var STORAGE_KEY = "mbc-chat:" + SERVER_URL;
  // The greeting tells the assistant the widget's language, so it greets in it.
  var GREETING_PAYLOAD = { en: "/greet", es: '/greet{"language": "es"}' };
  var MAX_MESSAGE_LENGTH = 2000;
  var ANSWER_TIMEOUT_MS = 20000;
  var LANGUAGES = ["en", "es"];
  var TEXTS = {};
  TEXTS.en = {
    title: "Palliative care assistant",
    switchTo: "Español",
    switchLabel: "Cambiar a español",
    open: "Chat with us",
    close: "Close chat",
    inputLabel: "Type your message",
    send: "Send",
    you: "You said:",
    bot: "Assistant said:",
    replies: "Suggested replies",
    typing: "The assistant is typing",
    connecting: "Connecting...",
    reconnecting: "Connection lost. Reconnecting...",
    unreachable: "I can't reach the assistant right now. Please try again in a few minutes. " +
      "If this is an emergency, call 911.",
    slow: "I'm sorry, this is taking longer than usual. Please try again in a moment. " +
      "If this is an emergency, call 911.",
    tooLong: "That message is too long for me. Could you say it in fewer words?",
    note: "Automated assistant, not a person. In an emergency, call 911.",
    log: "Conversation"
  };
  TEXTS.es = {
    title: "Asistente de cuidados paliativos",
    switchTo: "English",
    switchLabel: "Switch to English",
    open: "Chatee con nosotros",
    close: "Cerrar el chat",
    inputLabel: "Escriba su mensaje",
    send: "Enviar",
    you: "Usted dijo:",
    bot: "El asistente dijo:",
    replies: "Respuestas sugeridas",
    typing: "El asistente está escribiendo",
    connecting: "Conectando...",
    reconnecting: "Se perdió la conexión. Volviendo a conectar...",
    unreachable: "No puedo comunicarme con el asistente en este momento. Por favor, intente " +
      "de nuevo en unos minutos. Si es una emergencia, llame al 911.",
    slow: "Lo siento, esto está tardando más de lo normal. Por favor, intente de nuevo en un " +
      "momento. Si es una emergencia, llame al 911.",
    tooLong: "Ese mensaje es demasiado largo para mí. ¿Podría decirlo con menos palabras?",
    note: "Asistente automático, no una persona. En una emergencia, llame al 911.",
    log: "Conversación"
  };
  var SWITCH_PAYLOAD = '/switch_language{"language": "LANGUAGE"}';

  // Web addresses (with or without http), and US phone numbers including 988.
  var LINK = new RegExp(
    "(https?:\\/\\/[^\\s<>\"]+|(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:org|gov|com|net|edu)(?:\\/[^\\s<>\"]*)?)" +
    "|((?:\\b1-)?\\b\\d{3}-\\d{3}-\\d{4}\\b|\\b988\\b)",
    "gi"
  );
  var TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

  var state = loadState();
  var TEXT = TEXTS[state.language];
  var socket = null;
  var sessionReady = false;
  var outbox = [];
  var answerTimer = null;
  var ui = buildInterface();

  renderAll();
  if (state.open) {
    openPanel(false);
  }

  function loadState() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || "null");
      if (saved && Array.isArray(saved.messages)) {
        return {
          sessionId: saved.sessionId || null, messages: saved.messages, open: !!saved.open,
          language: LANGUAGES.indexOf(saved.language) >= 0 ? saved.language : startLanguage()
        };
      }
    } catch (error) {
      // Storage unavailable or unreadable: start a new conversation.
    }
    return { sessionId: null, messages: [], open: false, language: startLanguage() };
  }

  // The embedding's data-language, else the page's language, else English.
  function startLanguage() {
    var wanted = ((script && script.getAttribute("data-language")) ||
      document.documentElement.lang || "en").slice(0, 2).toLowerCase();
    return LANGUAGES.indexOf(wanted) >= 0 ? wanted : "en";
  }

  function saveState() {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      // Private browsing without storage: the conversation lasts until reload.
    }
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function buildInterface() {
    var root = element("div", { "class": "mbc-chat", lang: state.language });
    var launcher = element("button", {
      type: "button", "class": "mbc-chat__launcher",
      "aria-expanded": "false", "aria-controls": "mbc-chat-panel"
    }, TEXT.open);
    var panel = element("section", {
      id: "mbc-chat-panel", "class": "mbc-chat__panel",
      role: "dialog", "aria-labelledby": "mbc-chat-title"
    });
    panel.hidden = true;
    var header = element("header", { "class": "mbc-chat__header" });
    var title = element("h2", { id: "mbc-chat-title", "class": "mbc-chat__title" }, TEXT.title);
    // The switch names the other language in that language, and says so to screen readers.
    var switcher = element("button", {
      type: "button", "class": "mbc-chat__language", lang: otherLanguage(),
      "aria-label": TEXT.switchLabel
    }, TEXT.switchTo);
    var close = element("button", {
      type: "button", "class": "mbc-chat__close", "aria-label": TEXT.close
    }, "\u00d7");
    header.appendChild(title);
    header.appendChild(switcher);
    header.appendChild(close);
    var status = element("p", { "class": "mbc-chat__status", role: "status", "aria-live": "polite" });
    // The live region is a container around the list, so the messages keep list semantics.
    var log = element("div", {
      "class": "mbc-chat__log", role: "log", "aria-live": "polite",
      "aria-relevant": "additions", "aria-label": TEXT.log, tabindex: "0"
    });
    var messages = element("ol", { "class": "mbc-chat__messages" });
    log.appendChild(messages);
    var typing = element("p", { "class": "mbc-chat__typing", "aria-label": TEXT.typing }, "\u2026");
    typing.hidden = true;
    var replies = element("div", { "class": "mbc-chat__replies", role: "group", "aria-label": TEXT.replies });
    var form = element("form", { "class": "mbc-chat__form" });
    var label = element("label", { "for": "mbc-chat-input", "class": "mbc-chat__visually-hidden" }, TEXT.inputLabel);
    var input = element("textarea", {
      id: "mbc-chat-input", "class": "mbc-chat__input", rows: "1",
      placeholder: TEXT.inputLabel, autocomplete: "off"
    });
    var send = element("button", { type: "submit", "class": "mbc-chat__send" }, TEXT.send);
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);
    var note = element("p", { "class": "mbc-chat__note" }, TEXT.note);
    [header, status, log, typing, replies, form, note].forEach(function (part) {
      panel.appendChild(part);
    });
    root.appendChild(launcher);
    root.appendChild(panel);
    document.body.appendChild(root);

    launcher.addEventListener("click", function () {
      if (panel.hidden) {
        openPanel(true);
      } else {
        closePanel();
      }
    });
    close.addEventListener("click", closePanel);
    switcher.addEventListener("click", function () {
      var wanted = otherLanguage();
      var shown = TEXT.switchTo;
      setLanguage(wanted);
      sendMessage(shown, SWITCH_PAYLOAD.replace("LANGUAGE", wanted));
    });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        closePanel();
      }
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        submitTyped();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitTyped();
    });
    return {
      root: root, launcher: launcher, panel: panel, title: title, switcher: switcher,
      close: close, status: status, log: log, messages: messages, typing: typing,
      replies: replies, label: label, input: input, send: send, note: note
    };
  }

  function otherLanguage() {
    return state.language === "es" ? "en" : "es";
  }

  // The widget's own texts and its lang attribute in `language`.
  function setLanguage(language) {
    if (LANGUAGES.indexOf(language) < 0 || language === state.language) {
      return;
    }
    state.language = language;
    TEXT = TEXTS[language];
    saveState();
    ui.root.setAttribute("lang", language);
    ui.launcher.textContent = ui.panel.hidden ? TEXT.open : TEXT.close;
    ui.title.textContent = TEXT.title;
    ui.switcher.textContent = TEXT.switchTo;
    ui.switcher.setAttribute("lang", otherLanguage());
    ui.switcher.setAttribute("aria-label", TEXT.switchLabel);
    ui.close.setAttribute("aria-label", TEXT.close);
    ui.log.setAttribute("aria-label", TEXT.log);
    ui.typing.setAttribute("aria-label", TEXT.typing);
    ui.replies.setAttribute("aria-label", TEXT.replies);
    ui.label.textContent = TEXT.inputLabel;
    ui.input.setAttribute("placeholder", TEXT.inputLabel);
    ui.send.textContent = TEXT.send;
    ui.note.textContent = TEXT.note;
  }

  // The assistant's language after a turn: this turn's answers are in it.
  function followConversationLanguage(language) {
    if (LANGUAGES.indexOf(language) < 0) {
      return;
    }
    for (var index = state.messages.length - 1; index >= 0; index--) {
      if (state.messages[index].from !== "bot") {
        break;
      }
      state.messages[index].lang = language;
    }
    setLanguage(language);
    saveState();
    renderAll();
  }

  function openPanel(moveFocus) {
    ui.panel.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.launcher.textContent = TEXT.close;
    state.open = true;
    saveState();
    connect();
    scrollToEnd();
    if (moveFocus) {
      ui.input.focus();
    }
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.textContent = TEXT.open;
    state.open = false;
    saveState();
    ui.launcher.focus();
  }

  function setStatus(text) {
    ui.status.textContent = text;
  }

  function connect() {
    if (socket) {
      return;
    }
    if (typeof window.io !== "function") {
      setStatus(TEXT.unreachable);
      return;
    }
    setStatus(TEXT.connecting);
    socket = window.io(SERVER_URL, { path: "/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", function () {
      sessionReady = false;
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      var resumed = sessionId === state.sessionId;
      if (!resumed) {
        state.sessionId = sessionId;
        state.messages = [];
        renderAll();
      }
      sessionReady = true;
      setStatus("");
      saveState();
      if (state.messages.length === 0 && outbox.length === 0) {
        emitMessage(GREETING_PAYLOAD[state.language]);
      }
      flushOutbox();
    });
    socket.on("bot_uttered", receive);
    socket.on("conversation_language", followConversationLanguage);
    socket.on("conversation_deleted", forgetTranscript);
    socket.on("disconnect", function () {
      sessionReady = false;
      setStatus(TEXT.reconnecting);
    });
    socket.on("connect_error", function () {
      setStatus(TEXT.unreachable);
    });
  }

  function submitTyped() {
    var text = ui.input.value.trim();
    if (!text) {
      return;
    }
    if (text.length > MAX_MESSAGE_LENGTH) {
      addMessage({ from: "bot", text: TEXT.tooLong });
      return;
    }
    ui.input.value = "";
    sendMessage(text, text);
  }

  function sendMessage(shown, sent) {
    addMessage({ from: "user", text: shown });
    outbox.push(sent);
    flushOutbox();
  }

  function flushOutbox() {
    while (sessionReady && outbox.length > 0) {
      emitMessage(outbox.shift());
    }
  }

  function emitMessage(text) {
    socket.emit("user_uttered", { message: text, session_id: state.sessionId });
    ui.typing.hidden = false;
    window.clearTimeout(answerTimer);
    answerTimer = window.setTimeout(function () {
      ui.typing.hidden = true;
      addMessage({ from: "bot", text: TEXT.slow });
    }, ANSWER_TIMEOUT_MS);
  }

  function receive(data) {
    if (!data || typeof data !== "object") {
      return;
    }
    var text = typeof data.text === "string" ? data.text : "";
    var attachment = data.attachment;
    if (!text && attachment && attachment.payload && typeof attachment.payload.src === "string") {
      text = attachment.payload.src;
    }
    var buttons = (data.quick_replies || data.buttons || []).filter(function (button) {
      return button && typeof button.title === "string" && typeof button.payload === "string";
    }).map(function (button) {
      return { title: button.title, payload: button.payload };
    });
    if (!text && buttons.length === 0) {
      return;
    }
    window.clearTimeout(answerTimer);
    ui.typing.hidden = true;
    addMessage({ from: "bot", text: text, buttons: buttons, lang: state.language });
  }

  // The server deleted the conversation: keep only its confirmation on screen and here.
  function forgetTranscript() {
    var lastUser = -1;
    state.messages.forEach(function (message, index) {
      if (message.from === "user") {
        lastUser = index;
      }
    });
    state.messages = state.messages.slice(lastUser + 1);
    saveState();
    renderAll();
  }

  function addMessage(message) {
    state.messages.push(message);
    saveState();
    ui.messages.appendChild(messageItem(message));
    renderReplies();
    scrollToEnd();
  }

  function renderAll() {
    while (ui.messages.firstChild) {
      ui.messages.removeChild(ui.messages.firstChild);
    }
    state.messages.forEach(function (message) {
      ui.messages.appendChild(messageItem(message));
    });
    renderReplies();
  }

  function messageItem(message) {
    var fromBot = message.from === "bot";
    var item = element("li", {
      "class": "mbc-chat__message mbc-chat__message--" + (fromBot ? "bot" : "user")
    });
    if (fromBot && LANGUAGES.indexOf(message.lang) >= 0) {
      item.setAttribute("lang", message.lang);
    }
    item.appendChild(element("span", { "class": "mbc-chat__visually-hidden" }, fromBot ? TEXT.bot : TEXT.you));
    var bubble = element("p", { "class": "mbc-chat__bubble" });
    if (fromBot) {
      appendLinkedText(bubble, String(message.text || ""));
    } else {
      bubble.textContent = String(message.text || "");
    }
    item.appendChild(bubble);
    return item;
  }

  function appendLinkedText(container, text) {
    var position = 0;
    text.replace(LINK, function (match, address, phone, offset) {
      var trailing = (match.match(TRAILING_PUNCTUATION) || [""])[0];
      var linkText = match.slice(0, match.length - trailing.length);
      container.appendChild(document.createTextNode(text.slice(position, offset)));
      var link = element("a", {}, linkText);
      if (phone) {
        link.href = "tel:" + linkText.replace(/\D/g, "");
      } else {
        link.href = /^https?:\/\//i.test(linkText) ? linkText : "https://" + linkText;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      container.appendChild(link);
      position = offset + linkText.length;
      return match;
    });
    container.appendChild(document.createTextNode(text.slice(position)));
  }

  function renderReplies() {
    while (ui.replies.firstChild) {
      ui.replies.removeChild(ui.replies.firstChild);
    }
    var last = state.messages[state.messages.length - 1];
    var buttons = last && last.from === "bot" ? last.buttons || [] : [];
    buttons.forEach(function (button) {
      var choice = element("button", { type: "button", "class": "mbc-chat__reply" }, button.title);
      choice.addEventListener("click", function () {
        sendMessage(button.title, button.payload);
        ui.input.focus();
      });
      ui.replies.appendChild(choice);
    });
    ui.replies.hidden = buttons.length === 0;
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }
})();
