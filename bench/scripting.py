"""What a user's script costs the page: responsiveness while it loops, and a hooked flood.

Scripts run in a worker, so neither a loop nor a hook may hold up the page's thread.
Each measurement opens our page with one script stored under the Script tab, presses
Executar as a user would, then times what the user sees.
"""

import contextlib
import json

from bench import measure

__all__ = ["HOOK", "LOOP", "hooked_burst", "loop"]

# A hook that never returns: the worker is busy for good once a message arrives.
LOOP = "@on_message\ndef spin(msg):\n    while True:\n        pass\n"
# A hook that returns at once, and says when it has seen the flood's last message.
HOOK = (
    "seen = [0]\n\n@on_message\ndef count(msg):\n    seen[0] += 1\n"
    "    if msg.text == 'END':\n        log('hook saw', seen[0])\n"
)

_STORE = """(source) => {
  if (!localStorage.getItem("pyws.scripts")) {
    localStorage.setItem("pyws.scripts", JSON.stringify({chosen: 0, scripts: [["bench", source]]}));
  }
}"""

# Record the press of `button` (its event's time) and the first moment after it when
# `target`'s text or class matches `wanted` (a regular expression).
_ARM = """([button, target, wanted]) => {
  const pressedOn = document.querySelector(button);
  const watched = document.querySelector(target);
  const pattern = new RegExp(wanted);
  const state = {pressedAt: undefined, delay: undefined};
  window.__press = state;
  const pressed = (event) => { state.pressedAt ??= event.timeStamp; };
  for (const type of ["keydown", "pointerdown", "click"]) {
    pressedOn.addEventListener(type, pressed, {capture: true, once: true});
  }
  const observer = new MutationObserver(() => {
    if (state.pressedAt === undefined) return;
    if (pattern.test(watched.textContent) || pattern.test(watched.className)) {
      state.delay = performance.now() - state.pressedAt;
      observer.disconnect();
    }
  });
  observer.observe(watched, {attributes: true, childList: true, characterData: true,
                             subtree: true});
  pressedOn.focus();
}"""
_PRESSED = "() => window.__press.delay !== undefined && window.__press.delay"

# The longest gap between two animation frames over `ms` milliseconds.
_FRAMES = """(ms) => new Promise((resolve) => {
  const began = performance.now();
  let last = began, longest = 0;
  const frame = (now) => {
    longest = Math.max(longest, now - last);
    last = now;
    if (now - began < ms) requestAnimationFrame(frame); else resolve(longest);
  };
  requestAnimationFrame(frame);
})"""

# From now on, the longest gap between two animation frames, read with __frames(); a
# second call starts counting again.
_WATCH_FRAMES = """() => {
  const first = window.__frameState === undefined;
  window.__frameState = {last: performance.now(), longest: 0};
  if (first) {
    const frame = (now) => {
      const state = window.__frameState;
      state.longest = Math.max(state.longest, now - state.last);
      state.last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
  window.__frames = () => Math.max(window.__frameState.longest,
                                   performance.now() - window.__frameState.last);
}"""

# performance.now() when an li.script whose text ends with `suffix` is in the log.
_SCRIPT_LINE = """(suffix) => {
  const lines = document.querySelectorAll("#messages li.script");
  const line = lines[lines.length - 1];
  return line !== undefined && line.textContent.includes(suffix) && performance.now();
}"""

LOOP_FIGURES = ("loop_frame", "loop_echo", "loop_stop", "loop_run", "loop_close")
HOOK_FIGURES = ("hook_burst", "hook_rate", "hook_frame", "plain_frame")


async def _press(page, button, target, wanted, timeout):
    """Milliseconds from Enter on `button` until `target` shows `wanted`."""
    await page.evaluate(_ARM, [button, target, wanted])
    await page.keyboard.press("Enter")
    handle = await page.wait_for_function(_PRESSED, timeout=timeout * 1000)
    return await handle.json_value()


@contextlib.asynccontextmanager
async def _opened(browser, url, source, timeout):
    """Yield a page opened with `source` as its only script, and the Script tab shown."""
    store = f"({_STORE})({json.dumps(source)})"
    async with measure.opened(browser, url, timeout, init=store) as page:
        await page.click("#tab-script")
        yield page


async def _run(page, timeout):
    """Press Executar; return once the script runs."""
    await _press(page, "#script-run", "#script-state", "^executando$", timeout)


async def _echo(page, text, timeout):
    return measure.outcome(await page.evaluate(measure.probes.BURST, [text, text, timeout * 1000]))


async def loop(browser, url, timeout):
    """With a hook looping forever in the worker: how the page answers the user.

    Returns {"loop_frame": the longest gap between frames over a second, "loop_echo":
    ms from Enviar to the echo shown, "loop_stop": ms from Parar script to "parado",
    "loop_run": ms from Executar to "executando" after it, "loop_close": ms from
    Fechar conexão, with the loop running again, to the status' first change}.
    """
    async with _opened(browser, url, LOOP, timeout) as page:
        await _run(page, timeout)
        figures = {}
        # The hook takes the echo of "spin" and never returns.
        if isinstance(spun := await _echo(page, "spin", timeout), str):
            return dict.fromkeys(LOOP_FIGURES, spun)
        figures["loop_frame"] = await page.evaluate(_FRAMES, 1000)
        figures["loop_echo"] = await _echo(page, "still here", timeout)
        figures["loop_stop"] = await _press(
            page, "#script-stop", "#script-state", "^parado$", timeout
        )
        status = await page.get_attribute("#status", "class")
        if status != "open":
            raise measure.Failed(f"error: Parar script left the status {status!r}")
        figures["loop_run"] = await _press(
            page, "#script-run", "#script-state", "^executando$", timeout
        )
        await _echo(page, "spin again", timeout)
        await page.evaluate(_FRAMES, 200)  # the worker has taken the message by now
        figures["loop_close"] = await _press(
            page, "#close", "#status", "^(closing|closed)$", timeout
        )
        return figures


async def hooked_burst(browser, url, count, timeout):
    """A flood of `count` with no script, then one through an @on_message hook that
    returns at once, on the same page.

    Returns {"hook_burst": messages per second the page showed, "hook_rate": messages
    per second the hook took, up to its last, "hook_frame": the longest gap between
    frames meanwhile, "plain_frame": the same gap during the flood with no script, in ms}.
    """
    async with _opened(browser, url, HOOK, timeout) as page:
        await page.evaluate(_WATCH_FRAMES)
        plain = await measure.submit_and_wait(page, f"flood {count} 32", "END", timeout)
        if isinstance(plain, str):
            return dict.fromkeys(HOOK_FIGURES, plain)
        plain_frame = await page.evaluate("() => window.__frames()")
        await _run(page, timeout)
        await page.evaluate(_WATCH_FRAMES)
        began = await page.evaluate("() => performance.now()")
        shown = await measure.submit_and_wait(page, f"flood {count} 32", "END", timeout)
        if isinstance(shown, str):
            return dict.fromkeys(HOOK_FIGURES, shown)
        handle = await page.wait_for_function(
            _SCRIPT_LINE, arg=f"hook saw {count + 1}", timeout=timeout * 1000
        )
        hooked = await handle.json_value() - began
        return {
            "hook_burst": count / (shown / 1000),
            "hook_rate": count / (hooked / 1000),
            "hook_frame": await page.evaluate("() => window.__frames()"),
            "plain_frame": plain_frame,
        }
