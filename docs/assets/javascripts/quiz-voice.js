/* Quizzes that speak: a small layer over mkdocs-quiz 1.7.1's markup (loaded only on pages with a quiz).

   Why a layer: mkdocs-quiz shows its translated verdict only for options without feedback, truncates the
   chosen answer's badge to 30 characters, offers "Try again" after a right answer too, and (with
   show_correct) reveals the right option on the first wrong try without its explanation. This file:
   - says the verdict in words ("That's right." / "Not quite.") in the feedback box, which is a live region;
   - shows the chosen answer's full text;
   - reveals the right answer, with its own explanation, when the reader asks or after a second wrong try;
   - hides "Try again" after a right answer.
   It reads mkdocs-quiz's own classes (.quiz, .quiz-feedback, .quiz-feedback-item.correct|incorrect,
   .quiz-feedback-badge, .quiz-reset-button, input[data-correct]); tests/test_browser.py fails if an
   upgrade renames them. */
(function () {
  "use strict";
  if (window.psQuizVoice) { window.psQuizVoice.init(); return; }

  var RIGHT = "That's right.";
  var WRONG = "Not quite.";
  var tries = {};  // wrong tries per quiz id, for this page view only

  function verdictOf(feedback) {
    if (feedback.querySelector(".quiz-feedback-item.correct")) return "right";
    if (feedback.querySelector(".quiz-feedback-item.incorrect")) return "wrong";
    return "";
  }

  function reveal(quiz, feedback) {
    if (feedback.querySelector(".ps-quiz-answer")) return;
    var right = quiz.querySelector('input[name="answer"][data-correct="true"]');
    if (!right) return;
    right.parentElement.classList.add("correct", "ps-quiz-right");
    var label = right.parentElement.querySelector("label");
    var why = right.parentElement.querySelector(".answer-feedback");
    var box = document.createElement("div");
    box.className = "quiz-feedback-item correct ps-quiz-answer";
    var head = document.createElement("p");
    head.className = "ps-quiz-answer__head";
    head.textContent = "The answer that helps most: " + (label ? label.textContent.trim() : "");
    box.appendChild(head);
    if (why) {
      var text = document.createElement("div");
      text.className = "quiz-feedback-item-content";
      text.innerHTML = why.innerHTML;  // the page's own HTML, built from the author's Markdown
      box.appendChild(text);
    }
    feedback.appendChild(box);
    var ask = feedback.querySelector(".ps-quiz-show");
    if (ask) ask.remove();
  }

  function speak(quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback || feedback.classList.contains("hidden")) return;
    var verdict = verdictOf(feedback);
    if (!verdict || feedback.querySelector(".ps-quiz-verdict")) return;
    var id = quiz.id || "";
    var p = document.createElement("p");
    p.className = "ps-quiz-verdict ps-quiz-verdict--" + verdict;
    p.textContent = verdict === "right" ? RIGHT : WRONG;
    feedback.insertBefore(p, feedback.firstChild);
    // The full text of the chosen answer (mkdocs-quiz cuts its badge at 30 characters).
    Array.prototype.forEach.call(feedback.querySelectorAll(".quiz-feedback-badge[title]"), function (b) {
      b.textContent = b.getAttribute("title");
    });
    var reset = quiz.querySelector(".quiz-reset-button");
    if (verdict === "right") {
      if (reset) reset.classList.add("ps-hidden");
      return;
    }
    if (reset) reset.classList.remove("ps-hidden");
    tries[id] = (tries[id] || 0) + 1;
    if (tries[id] >= 2) { reveal(quiz, feedback); return; }
    var ask = document.createElement("button");
    ask.type = "button";
    ask.className = "quiz-button ps-quiz-show";
    ask.textContent = "Show the answer";
    ask.addEventListener("click", function () { reveal(quiz, feedback); feedback.focus(); });
    feedback.appendChild(ask);
  }

  function setUp(quiz) {
    if (quiz.getAttribute("data-ps-voice")) return;
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback) return;
    quiz.setAttribute("data-ps-voice", "1");
    feedback.setAttribute("role", "status");
    feedback.setAttribute("aria-live", "polite");
    new MutationObserver(function () { speak(quiz); }).observe(feedback, { childList: true });
    speak(quiz);  // answers restored from this device on load
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".quiz"), setUp);
  }

  window.psQuizVoice = { init: init };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
