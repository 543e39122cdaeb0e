"""The chat widget in a real browser against the real Rasa server.

Debian's Chromium, driven by Playwright; screenshots land in test-artifacts/webchat/.
axe-core (inside axe-playwright-python, offline) checks WCAG 2.1 A and AA on a phone and on a
desktop screen: with the chat open, after quick replies, after a directory result, with the
crisis answer shown and in Spanish.
"""

import threading
from typing import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect, sync_playwright

from assistant.webchat.server import demo_server
from tests.harness.servers import PROJECT_DIR, free_port

pytestmark = pytest.mark.model

CHROMIUM = "/usr/bin/chromium"
# Headless and quiet: no sandbox (root in CI), no GPU, no calls to Google's services.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_DIR / "test-artifacts" / "webchat"
PHONE: ViewportSize = {"width": 390, "height": 844}
ANSWER_MS = 30_000
WCAG_21_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SCRIPT_MESSAGE = '<script>window.injected = 1</script><img src=x onerror="window.injected = 2">'


@pytest.fixture(scope="module")
def page_url(rasa_url: str, demo_page_port: int) -> Iterator[str]:
    """The demo page, served on loopback for the Rasa server under test (its allowed origin)."""
    server = demo_server("127.0.0.1", demo_page_port, rasa_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium from the Debian package (Playwright downloads no browser)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def bot_messages(page: Page) -> int:
    return page.locator(".mbc-chat__message--bot").count()


def wait_for_answer(page: Page, before: int, containing: str) -> None:
    """Wait until a bot message after the first `before` ones contains `containing`."""
    expect(page.locator(".mbc-chat__message--bot").nth(before)).to_be_visible(timeout=ANSWER_MS)
    answers = page.locator(".mbc-chat__message--bot").filter(has_text=containing)
    expect(answers.last).to_be_visible(timeout=ANSWER_MS)


def assert_accessible(page: Page, moment: str) -> None:
    """No WCAG 2.1 A or AA violation that axe-core finds on the page as it is now."""
    results = Axe().run(page, options=WCAG_21_A_AA)
    assert results.violations_count == 0, f"{moment}:\n{results.generate_snapshot()}"


def send(page: Page, text: str) -> int:
    """Type `text` and press Enter; the number of bot messages before the answer."""
    before = bot_messages(page)
    page.get_by_label("Type your message").fill(text)
    page.keyboard.press("Enter")
    return before


def test_a_conversation_on_a_phone_survives_a_reload(browser: Browser, page_url: str) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(page_url)

    # Keyboard alone: Tab to the launcher, Enter opens the chat with the input focused.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Chat with us")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Type your message")).to_be_focused()
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(log).to_contain_text("What would you like to know?", timeout=ANSWER_MS)
    panel = page.get_by_role("dialog").bounding_box()
    assert panel is not None and panel["width"] == PHONE["width"]
    assert panel["height"] == PHONE["height"]
    page.screenshot(path=ARTIFACTS / "1-greeting-phone.png")
    assert_accessible(page, "phone, chat open")

    # A quick reply is a button; the person sees its title, never its payload.
    before = bot_messages(page)
    page.get_by_role("button", name="What is palliative care?").click()
    wait_for_answer(page, before, "extra layer of support")
    expect(page.locator(".mbc-chat__message--user").last).to_have_text(
        "You said:What is palliative care?"
    )
    expect(log).not_to_contain_text("/what_is_palliative_care")

    before = send(page, "how is it different from hospice?")
    wait_for_answer(page, before, "Hospice is for a later time")
    page.screenshot(path=ARTIFACTS / "2-answer-phone.png")
    assert_accessible(page, "phone, after quick replies")

    before = send(page, "hospice near 60614")
    wait_for_answer(page, before, "call ahead")
    assert_accessible(page, "phone, after a directory result")

    # Markup from the person is shown as text and never runs.
    before = send(page, SCRIPT_MESSAGE)
    expect(page.locator(".mbc-chat__message--bot").nth(before)).to_be_visible(timeout=ANSWER_MS)
    expect(page.locator(".mbc-chat__message--user").last).to_have_text(f"You said:{SCRIPT_MESSAGE}")
    assert page.evaluate("window.injected") is None
    assert page.locator(".mbc-chat__log script, .mbc-chat__log img").count() == 0

    # Web addresses and phone numbers in answers are links.
    before = send(page, "i want to end my life")
    wait_for_answer(page, before, "Are you safe right now?")
    expect(page.get_by_role("link", name="988lifeline.org")).to_have_attribute(
        "href", "https://988lifeline.org"
    )
    expect(page.get_by_role("link", name="988").first).to_have_attribute("href", "tel:988")
    expect(page.get_by_role("button", name="I'm safe right now")).to_be_visible()
    page.wait_for_timeout(1500)  # let the last parts of the answer arrive
    transcript = page.locator(".mbc-chat__message").all_inner_texts()
    page.screenshot(path=ARTIFACTS / "3-crisis-phone.png")
    assert_accessible(page, "phone, crisis answer shown")

    # A reload shows the same conversation and carries on with it.
    page.reload()
    expect(log).to_contain_text("Are you safe right now?")
    assert page.locator(".mbc-chat__message").all_inner_texts() == transcript
    before = send(page, "what is hospice anyway?")
    wait_for_answer(page, before, "I'm still here with you")
    page.screenshot(path=ARTIFACTS / "4-after-reload-phone.png")

    # Deleting the conversation leaves only the confirmation, also after a reload.
    before = send(page, "please delete my conversation")
    wait_for_answer(page, before, "Do you want me to delete this conversation?")
    page.get_by_role("button", name="Yes, delete it").click()
    expect(log).to_contain_text("I've deleted this conversation", timeout=ANSWER_MS)
    expect(page.locator(".mbc-chat__message--user")).to_have_count(0, timeout=ANSWER_MS)
    page.reload()
    expect(log).to_contain_text("I've deleted this conversation")
    expect(log).not_to_contain_text("Hospice is for a later time")

    # Escape closes the chat and gives the focus back to the launcher.
    page.get_by_label("Type your message").focus()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("button", name="Chat with us")).to_be_focused()
    page.context.close()


def test_the_widget_on_a_desktop_screen(browser: Browser, page_url: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(page_url)
    page.get_by_role("button", name="Chat with us").click()
    expect(page.get_by_role("log")).to_contain_text(
        "What would you like to know?", timeout=ANSWER_MS
    )
    panel = page.get_by_role("dialog").bounding_box()
    assert panel is not None and 300 < panel["width"] < 450
    for reply in page.get_by_role("group", name="Suggested replies").get_by_role("button").all():
        assert reply.inner_text().strip()
    assert_accessible(page, "desktop, chat open")
    page.get_by_role("button", name="Your privacy").click()
    expect(page.get_by_role("log")).to_contain_text("not encrypted", timeout=ANSWER_MS)
    page.screenshot(path=ARTIFACTS / "5-greeting-desktop.png")
    assert_accessible(page, "desktop, after a quick reply")
    before = send(page, "find a support group near Chicago, IL")
    wait_for_answer(page, before, "call ahead")
    assert_accessible(page, "desktop, after a directory result")
    before = send(page, "I don't want to be alive anymore")
    wait_for_answer(page, before, "Are you safe right now?")
    page.wait_for_timeout(1500)
    page.screenshot(path=ARTIFACTS / "6-crisis-desktop.png")
    assert_accessible(page, "desktop, crisis answer shown")
    page.context.close()


def test_the_widget_switches_language_and_follows_the_person(
    browser: Browser, page_url: str
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(page_url)
    page.get_by_role("button", name="Chat with us").click()
    log = page.get_by_role("log")
    expect(log).to_contain_text("What would you like to know?", timeout=ANSWER_MS)
    widget = page.locator(".mbc-chat")
    expect(widget).to_have_attribute("lang", "en")

    # The visible switch: the assistant answers in Spanish, the widget speaks Spanish.
    before = bot_messages(page)
    page.get_by_role("button", name="Cambiar a español").click()
    wait_for_answer(page, before, "seguimos en español")
    expect(widget).to_have_attribute("lang", "es")
    expect(page.get_by_label("Escriba su mensaje")).to_be_visible()
    expect(page.get_by_role("button", name="Enviar")).to_be_visible()
    expect(page.locator(".mbc-chat__message--bot").last).to_have_attribute("lang", "es")
    before = bot_messages(page)
    page.get_by_label("Escriba su mensaje").fill("¿qué es el hospicio?")
    page.keyboard.press("Enter")
    wait_for_answer(page, before, "no son lo mismo")
    page.screenshot(path=ARTIFACTS / "7-spanish-phone.png")
    assert_accessible(page, "phone, in Spanish")

    # Writing in English takes the assistant and the widget back to English.
    before = bot_messages(page)
    page.get_by_label("Escriba su mensaje").fill("sorry, can we talk about pain instead?")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Type your message")).to_be_visible(timeout=ANSWER_MS)
    expect(widget).to_have_attribute("lang", "en")
    expect(page.locator(".mbc-chat__message--bot").nth(before)).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Cambiar a español")).to_be_visible()

    # A reload keeps the language.
    page.get_by_role("button", name="Cambiar a español").click()
    expect(widget).to_have_attribute("lang", "es")
    page.reload()
    expect(page.locator(".mbc-chat")).to_have_attribute("lang", "es")
    expect(page.get_by_role("button", name="Switch to English")).to_be_visible()
    page.context.close()


def test_a_page_from_another_origin_cannot_open_the_chat(browser: Browser, rasa_url: str) -> None:
    server = demo_server("127.0.0.1", free_port(), rasa_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_context().new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.get_by_role("button", name="Chat with us").click()
        expect(page.get_by_role("status")).to_contain_text(
            "can't reach the assistant", timeout=ANSWER_MS
        )
        expect(page.locator(".mbc-chat__message--bot")).to_have_count(0)
        page.context.close()
    finally:
        server.shutdown()
        server.server_close()
