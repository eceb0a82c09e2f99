"""The HTML view in a real headless Chromium: what a reader sees, hovers, focuses and sorts.

Every page is written to a file and opened by its ``file://`` URL, as a user
opens the page ``numclaims --html`` wrote: nothing is served.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from numclaims import Quantity, parse_quantities, render_html

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parents[3] / "examples" / "seed_article.txt"


def open_page(browser: webdriver.Chrome, folder: Path, page: str, name: str = "view") -> None:
    path = folder / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())


def marks(browser: webdriver.Chrome) -> list[WebElement]:
    return browser.find_elements(By.CSS_SELECTOR, "#nc-text mark.nc")


def card(browser: webdriver.Chrome) -> WebElement:
    return browser.find_element(By.ID, "nc-card")


def card_fields(browser: webdriver.Chrome) -> dict[str, str]:
    """The card's label -> value pairs, as shown."""
    terms = card(browser).find_elements(By.TAG_NAME, "dt")
    details = card(browser).find_elements(By.TAG_NAME, "dd")
    return {t.text: d.text for t, d in zip(terms, details, strict=True)}


@pytest.fixture(scope="module")
def sample() -> tuple[str, list[Quantity]]:
    text = SAMPLE.read_text(encoding="utf-8")
    return text, parse_quantities(text)


def test_every_claim_is_highlighted_with_its_text(
    browser: webdriver.Chrome, tmp_path: Path, sample: tuple[str, list[Quantity]]
) -> None:
    text, found = sample
    open_page(browser, tmp_path, render_html(text, found, title="Sample article"))
    shown = marks(browser)
    assert [m.get_attribute("textContent") for m in shown] == [q.text for q in found]
    assert all(m.is_displayed() for m in shown)
    assert [m.get_attribute("class") for m in shown] == [f"nc nc-{q.kind}" for q in found]
    # the page shows the whole text, line breaks and all, and nothing else in its place
    body = browser.find_element(By.ID, "nc-text").get_attribute("textContent")
    assert body == text


def test_focus_shows_the_card_and_tab_moves_it(
    browser: webdriver.Chrome, tmp_path: Path, sample: tuple[str, list[Quantity]]
) -> None:
    text, found = sample
    open_page(browser, tmp_path, render_html(text, found))
    assert not card(browser).is_displayed()
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    ActionChains(browser).send_keys(Keys.TAB).perform()  # the first claim is the first stop
    first = marks(browser)[0]
    assert browser.switch_to.active_element == first
    assert card(browser).is_displayed()
    assert found[0].text == "100,000 to 200,000"
    assert card_fields(browser) == {
        "Kind": "number",
        "From": "100,000",
        "To": "200,000",
        "Change": "increase",
        "Size of a change": "yes",
        "Entity": "conscripted soldiers",
    }
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element == marks(browser)[1]
    assert found[1].text == "a million"
    assert card_fields(browser) == {"Kind": "number", "Value": "1,000,000", "Entity": "people"}
    # the card sits below the focused claim
    assert card(browser).location["y"] > marks(browser)[1].location["y"]
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not card(browser).is_displayed()


def test_hover_shows_the_card_with_bound_and_entity(
    browser: webdriver.Chrome, tmp_path: Path, sample: tuple[str, list[Quantity]]
) -> None:
    text, found = sample
    open_page(browser, tmp_path, render_html(text, found))
    index = [q.text for q in found].index("Up to 647")
    ActionChains(browser).move_to_element(marks(browser)[index]).perform()
    assert card(browser).is_displayed()
    fields = card_fields(browser)
    assert (fields["Value"], fields["Bound"], fields["Qualifier"], fields["Entity"]) == (
        "647",
        "at_most",
        "Up to",
        "tanks",
    )


def test_table_sorts_and_links_to_each_claim(
    browser: webdriver.Chrome, tmp_path: Path, sample: tuple[str, list[Quantity]]
) -> None:
    text, found = sample
    open_page(browser, tmp_path, render_html(text, found))
    rows = browser.find_elements(By.CSS_SELECTOR, "#nc-table tbody tr")
    assert [r.find_element(By.TAG_NAME, "a").text for r in rows] == [q.text for q in found]
    browser.find_element(By.CSS_SELECTOR, 'button[data-col="3"]').click()  # value
    values = [
        r.find_elements(By.TAG_NAME, "td")[3].get_attribute("data-sort")
        for r in browser.find_elements(By.CSS_SELECTOR, "#nc-table tbody tr")
    ]
    numbers = [float(v) for v in values]
    assert numbers == sorted(numbers)  # a range by its lower end
    assert len(numbers) == len(found)
    browser.find_element(By.CSS_SELECTOR, 'button[data-col="3"]').click()  # and back down
    again = browser.find_elements(By.CSS_SELECTOR, "#nc-table tbody tr td:nth-child(4)")
    assert [float(c.get_attribute("data-sort") or "nan") for c in again] == numbers[::-1]
    link = browser.find_element(By.CSS_SELECTOR, '#nc-table a[href="#q3"]')
    link.click()
    assert browser.execute_script("return location.hash") == "#q3"
    target = browser.execute_script("return document.querySelector(':target').textContent")
    assert target == found[3].text


def test_markup_in_the_text_is_shown_not_run(browser: webdriver.Chrome, tmp_path: Path) -> None:
    text = "<script>window.pwned = true</script><b>Bold</b> sales rose 5% to $40k."
    open_page(browser, tmp_path, render_html(text))
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_element(By.ID, "nc-text").text.startswith("<script>window.pwned")
    assert [m.text for m in marks(browser)] == ["5%", "$40k"]


def test_a_megabyte_article_loads_and_responds(browser: webdriver.Chrome, tmp_path: Path) -> None:
    """A 1 MB article (3,000 claims and more) loads in seconds; its card still follows focus."""
    text = SAMPLE.read_text(encoding="utf-8")
    big = "\n\n".join([text] * (1_000_000 // len(text)))
    found = parse_quantities(big)
    start = time.perf_counter()
    open_page(browser, tmp_path, render_html(big, found), "big")
    # loaded: every mark is in the document (the load event may come before a
    # busy machine has laid out a page this size)
    WebDriverWait(browser, 15).until(lambda b: len(marks(b)) >= len(found))
    loaded = time.perf_counter() - start
    assert len(marks(browser)) == len(found) > 3000
    assert loaded < 15, f"1 MB page took {loaded:.1f} s to load"
    last = marks(browser)[-1]
    ActionChains(browser).send_keys(Keys.TAB).perform()  # the page takes the keyboard
    browser.execute_script("arguments[0].focus()", last)
    WebDriverWait(browser, 5).until(lambda b: card(b).is_displayed())
    assert card_fields(browser)["Kind"] == found[-1].kind


def test_screenshot_of_the_sample_article(
    browser: webdriver.Chrome, tmp_path: Path, sample: tuple[str, list[Quantity]], artefacts: Path
) -> None:
    """Save what a reader sees, a claim focused, for the README and for people to look at."""
    text, found = sample
    open_page(browser, tmp_path, render_html(text, found, title="Ukraine war: the losses"))
    browser.set_window_size(1000, 900)
    index = [q.text for q in found].index("Up to 647")
    focused = marks(browser)[index]
    browser.execute_script("arguments[0].focus()", focused)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", focused)
    assert browser.switch_to.active_element == focused
    assert card(browser).is_displayed()
    shot = artefacts / "html-view.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
