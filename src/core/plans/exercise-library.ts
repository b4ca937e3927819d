/**
 * The built-in exercise library as data. Each exercise fills one practice block and is meant to be
 * done at the edge of one's ability: hard enough to fail sometimes, with a way to make it harder
 * once it gets comfortable. Ids are stable: plans and practice logs refer to them.
 * `exercises.test.ts` validates every entry against the `Exercise` schema.
 */
export interface ExerciseData {
  id: string;
  subSkill: string;
  title: string;
  instructions: string;
  minutes: number;
  level: 'starter' | 'stretch' | 'advanced';
  harder: string;
}

export const BUILTIN_EXERCISE_DATA: readonly ExerciseData[] = [
  // Coding
  {
    id: 'coding-rewrite-from-memory',
    subSkill: 'coding',
    title: 'Rewrite a function from memory',
    instructions:
      'Pick a function of 50 to 150 lines that you rely on but did not write recently (from a library or your own codebase). Study it for five minutes, close it, and write it again from scratch, with a test. Then compare the two versions line by line and note every difference and which version handles it better.',
    minutes: 45,
    level: 'stretch',
    harder:
      'Choose code with concurrency, numerics or tricky edge cases, or skip the study step and work from its documentation only.',
  },
  {
    id: 'coding-experiment-from-empty-file',
    subSkill: 'coding',
    title: 'An experiment from an empty file',
    instructions:
      'Starting from an empty file and without copying from old projects, write a script that runs one small experiment end to end: load data, run the method, log one metric, save a plot. Note each point where you stalled or had to look something up; those are the parts to drill next time.',
    minutes: 60,
    level: 'stretch',
    harder: 'Add a command-line interface and a test, still within the block.',
  },
  {
    id: 'coding-predict-each-run',
    subSkill: 'coding',
    title: 'Predict before every run',
    instructions:
      'During a normal coding block, write down what you expect before each run of your code: the output, the metric, or the error message. After the run, mark whether you were right. Aim for ten predictions. Each miss points at a place where your picture of the code is wrong; write one line on why.',
    minutes: 30,
    level: 'starter',
    harder:
      'Predict numbers with a range (e.g. "loss between 0.4 and 0.5") and score how often the truth falls inside.',
  },
  {
    id: 'coding-debug-by-hypothesis',
    subSkill: 'coding',
    title: 'Debug by written hypotheses',
    instructions:
      'Take a real bug, or ask a colleague to plant one in a copy of working code. Find it without adding print statements: before every step write down your current hypothesis and what observation would refute it, then use a debugger, a test or reasoning to check it. Count the hypotheses you needed.',
    minutes: 45,
    level: 'advanced',
    harder: 'Allow yourself only one failing test and the source code, no debugger.',
  },
  // Writing
  {
    id: 'writing-one-claim-paragraph',
    subSkill: 'writing',
    title: 'One paragraph, one claim',
    instructions:
      'Take one result of yours and write a single paragraph that states the claim in its first sentence, then the evidence, then the main limitation. Rewrite it three times, each time cutting about a fifth of the words without losing anything a reader needs.',
    minutes: 25,
    level: 'starter',
    harder: 'Write it for two audiences: a specialist and a researcher from a neighbouring field.',
  },
  {
    id: 'writing-reverse-outline',
    subSkill: 'writing',
    title: 'Reverse-outline a draft',
    instructions:
      'Take a draft of yours and write one sentence per paragraph saying what that paragraph does for the argument. Read only these sentences: reorder, merge or cut paragraphs until the outline reads as one line of reasoning. Then apply the changes to the draft.',
    minutes: 45,
    level: 'stretch',
    harder:
      'Do it on a full paper section and limit yourself to one sentence of at most 12 words per paragraph.',
  },
  {
    id: 'writing-abstract-twice',
    subSkill: 'writing',
    title: 'An abstract, twice',
    instructions:
      'Write an abstract for a current project in 15 minutes without opening older versions. Put it away and write a second one aimed at a reader from another field. Compare the two: the sentences that survived both are your core message; check that the paper delivers each of them.',
    minutes: 35,
    level: 'stretch',
    harder: 'Cap each abstract at 100 words and ask someone to tell you the main claim after reading it.',
  },
  {
    id: 'writing-borrow-the-moves',
    subSkill: 'writing',
    title: 'Borrow the moves of a section you admire',
    instructions:
      "Choose a section you think is well written in someone else's paper, such as an introduction. List its moves as bare labels (problem, why it matters, what is missing, what we do, what follows). Then write your own section for your own work following the same moves. Borrow the order, never the sentences.",
    minutes: 45,
    level: 'advanced',
    harder: 'Pick a section from a different field and adapt its moves to yours.',
  },
  // Reading papers
  {
    id: 'reading-one-page-summary',
    subSkill: 'reading',
    title: 'A paper on one page',
    instructions:
      'Read one paper and write a one-page summary: the question, the method in at most three sentences, the main result with its number, and what you doubt or would check. Time yourself and log the time, so you can see it fall over the weeks.',
    minutes: 60,
    level: 'starter',
    harder: 'Give yourself 40 minutes, or choose a paper outside your subfield.',
  },
  {
    id: 'reading-predict-the-results',
    subSkill: 'reading',
    title: 'Predict the results before reading them',
    instructions:
      'Read only the abstract, the introduction and the method of a paper. Before you look at any result, write down what you expect the main table or figure to show and why. Then read on and write where you were wrong and what that tells you about your model of the field.',
    minutes: 40,
    level: 'stretch',
    harder: 'Predict numbers, not directions, and keep a running score across papers.',
  },
  {
    id: 'reading-ten-minute-triage',
    subSkill: 'reading',
    title: 'Ten-minute triage',
    instructions:
      'Take five papers from your reading list and give each at most ten minutes: title, abstract, figures, conclusion. For each write one line: read fully, skim later, or drop, with the reason. Keep the lines; a month later check whether the decisions held.',
    minutes: 50,
    level: 'starter',
    harder: 'Cut the time to five minutes a paper and add a one-sentence summary to each.',
  },
  {
    id: 'reading-rebuild-a-figure',
    subSkill: 'reading',
    title: 'Rebuild one figure',
    instructions:
      'Choose one figure or small table from a paper and reproduce it: from the released code, from a quick implementation of your own, or by working out the numbers by hand. List every assumption you had to make that the paper did not state.',
    minutes: 90,
    level: 'advanced',
    harder: 'Do it without the released code.',
  },
  // Finding research ideas
  {
    id: 'ideas-twenty-questions',
    subSkill: 'research-ideas',
    title: 'Twenty questions in twenty minutes',
    instructions:
      'Set a timer and write twenty research questions in your area without judging any of them. Then mark the three you would most like to see answered, and for each write the cheapest experiment that would teach you something about it.',
    minutes: 30,
    level: 'starter',
    harder: 'Allow no question that you have seen asked in a paper.',
  },
  {
    id: 'ideas-three-follow-ups',
    subSkill: 'research-ideas',
    title: 'Three follow-ups to one paper',
    instructions:
      'Take a recent paper you liked and design three follow-up projects: one that tests its weakest assumption, one that carries the method to a new setting, and one that combines it with another idea you know. Rate each for value and effort from 1 to 5.',
    minutes: 40,
    level: 'stretch',
    harder: 'Write a half-page proposal for the best one, with the first experiment spelled out.',
  },
  {
    id: 'ideas-flip-an-assumption',
    subSkill: 'research-ideas',
    title: 'Flip an unspoken assumption',
    instructions:
      'List five assumptions most work in your subfield makes without stating them. For each, describe what research would look like if it were false, and which observation could show that it is.',
    minutes: 40,
    level: 'advanced',
    harder:
      'Pick the flipped assumption you find most plausible and design a test of it you could run this month.',
  },
  {
    id: 'ideas-mine-your-friction',
    subSkill: 'research-ideas',
    title: 'Mine your own friction',
    instructions:
      'Go through your notes, commits and messages from the last two weeks and list every moment you were confused, stuck or surprised. Turn the three most interesting moments into research questions and note what would be needed to answer each.',
    minutes: 30,
    level: 'starter',
    harder: "Do the same with a colleague's friction, after asking them for twenty minutes of their time.",
  },
  // Problem decomposition
  {
    id: 'decomposition-down-to-a-day',
    subSkill: 'decomposition',
    title: 'Break it down to tasks of a day',
    instructions:
      "Write your current big goal as a tree: goal, subgoals, tasks, until every leaf is something you can finish in under a day. Mark the leaves whose outcome you are least sure of, and put one of them first on tomorrow's list.",
    minutes: 30,
    level: 'starter',
    harder: 'Give each leaf an estimate, and after a week compare the estimates with what happened.',
  },
  {
    id: 'decomposition-riskiest-piece',
    subSkill: 'decomposition',
    title: 'Test the riskiest piece first',
    instructions:
      'For one project, list every part that could make it fail. Pick the riskiest and design the smallest experiment, a day of work or less, that would tell you whether that part works. Write down what result would make you change course.',
    minutes: 30,
    level: 'stretch',
    harder: 'Run the experiment within the week and write up what it showed.',
  },
  {
    id: 'decomposition-shrink-the-problem',
    subSkill: 'decomposition',
    title: 'Shrink the problem',
    instructions:
      'Take a problem you are stuck on and write three smaller versions of it: a special case, a toy version with tiny data, and a version with one constraint removed. Solve the easiest one in this block, or plan it completely.',
    minutes: 45,
    level: 'stretch',
    harder: 'Solve two of the three and write what each taught you about the full problem.',
  },
  {
    id: 'decomposition-backwards-from-the-figure',
    subSkill: 'decomposition',
    title: 'Work backwards from the final figure',
    instructions:
      'Sketch the figure or table that would be the centre of the paper if the project worked. For each panel or row, list backwards what it needs: the runs, the data, the code, the decisions. The list is your plan; mark what you could start today.',
    minutes: 40,
    level: 'advanced',
    harder: 'Do it for a project you have not started yet and show the sketch to a colleague.',
  },
  // Prioritisation
  {
    id: 'prioritisation-score-the-list',
    subSkill: 'prioritisation',
    title: 'Score the whole list',
    instructions:
      'Take your open task list and give every item a value and an effort from 1 to 5, spending at most thirty seconds per item. Pick the three with the best value for the effort and compare them with what you had planned to do this week.',
    minutes: 25,
    level: 'starter',
    harder: 'Ask a colleague to score the same list and discuss the items where you disagree most.',
  },
  {
    id: 'prioritisation-stop-doing',
    subSkill: 'prioritisation',
    title: 'A stop-doing list',
    instructions:
      'Write down everything you spent time on last week. Mark each item you would not start again if you were starting today. Choose one to stop or hand over, and tell whoever needs to know before the block ends.',
    minutes: 30,
    level: 'stretch',
    harder: 'Choose the item you are most attached to.',
  },
  {
    id: 'prioritisation-only-one-thing',
    subSkill: 'prioritisation',
    title: 'If only one thing got done',
    instructions:
      'Answer in writing: if you could finish only one thing this week, which would matter most for your research six months from now, and why? Then rearrange the week so that it gets your best hours first.',
    minutes: 20,
    level: 'starter',
    harder:
      'Ask the same question about the quarter, and check it against how you actually spent the last month.',
  },
  {
    id: 'prioritisation-pre-mortem',
    subSkill: 'prioritisation',
    title: 'A pre-mortem of the quarter',
    instructions:
      "Imagine it is three months from now and your plans went badly. Write the story of why in a few paragraphs. Turn the three most likely causes into concrete changes to this week's priorities.",
    minutes: 40,
    level: 'advanced',
    harder: 'Do it with your collaborators and compare the stories.',
  },
  // Learning
  {
    id: 'learning-explain-plainly',
    subSkill: 'learning',
    title: 'Explain it in plain words',
    instructions:
      'Pick a concept you half understand and explain it in writing to an imagined bright student from another field, without jargon. Wherever you get stuck or wave your hands, go back to the source, close the gap, and rewrite that part.',
    minutes: 40,
    level: 'starter',
    harder: 'Explain it out loud to a real person and let them interrupt with questions.',
  },
  {
    id: 'learning-problems-first',
    subSkill: 'learning',
    title: 'Problems before the chapter',
    instructions:
      'Take a chapter or course unit you want to learn and attempt its exercises before reading it. Read only what you need to solve them, and note which ideas you had to look up and which you worked out yourself.',
    minutes: 60,
    level: 'stretch',
    harder:
      'Choose the hardest exercises of the chapter and give yourself a hint only after ten stuck minutes.',
  },
  {
    id: 'learning-blank-page-recall',
    subSkill: 'learning',
    title: 'Recall on a blank page',
    instructions:
      'Without notes, write down everything you remember about a topic you studied last week: definitions, results, examples, open questions. Then check your notes, mark what you missed or got wrong, and turn each gap into a question to answer again in a few days.',
    minutes: 25,
    level: 'starter',
    harder: 'Do it for a topic from a month ago, and draw the connections between the ideas as well.',
  },
  {
    id: 'learning-derive-it',
    subSkill: 'learning',
    title: 'Derive a result you use',
    instructions:
      'Choose a result you rely on, such as an equation, an algorithm or a bound, and derive it on paper from first principles. Look at a reference only after five minutes of being stuck, and write down the step that stopped you.',
    minutes: 45,
    level: 'advanced',
    harder: 'Derive a variant the reference does not cover.',
  },
  // Collaboration
  {
    id: 'collaboration-precise-request',
    subSkill: 'collaboration',
    title: 'Ask for feedback precisely',
    instructions:
      'Pick one piece of work and write a feedback request to a colleague that says exactly what you want judged (for example, whether the claim in section 2 follows from the evidence), what you do not need comments on, and how long it should take them. Send it within the block.',
    minutes: 20,
    level: 'starter',
    harder: 'Ask someone senior whom you have not worked with before.',
  },
  {
    id: 'collaboration-who-knows-what',
    subSkill: 'collaboration',
    title: 'Map who knows what',
    instructions:
      'List ten people whose work touches yours. For each, write what they know that you do not, and one question you could ask them. Contact one of them before the block ends.',
    minutes: 30,
    level: 'stretch',
    harder: 'Include five people outside your group or institution and contact two.',
  },
  {
    id: 'collaboration-pair-on-a-hard-bit',
    subSkill: 'collaboration',
    title: 'Pair on a hard bit',
    instructions:
      'Invite someone to work with you on one problem you are stuck on, for the length of the block: one of you works, the other asks questions, and you swap halfway. Afterwards each of you writes down one thing the other did that helped.',
    minutes: 45,
    level: 'stretch',
    harder: 'Pair with someone from a different discipline.',
  },
  {
    id: 'collaboration-five-line-update',
    subSkill: 'collaboration',
    title: 'A five-line update',
    instructions:
      'Write a five-line update on your project for a collaborator or advisor: what you did, what you found, what is blocked, what comes next, and what you need from them. Polish for at most five minutes, then send it.',
    minutes: 15,
    level: 'starter',
    harder: 'Make it a weekly habit and ask the reader which line was most useful.',
  },
];
