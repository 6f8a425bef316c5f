// The controlled edits between "before" and "after". Each takes a fresh copy
// of the before config and mutates it in place, drawing every choice from the
// seeded rng so the after file is reproducible too.

/** Every scalar in the tree, with where it lives; `inArray` marks leaves the gateway reports at an array's path. */
function collectLeaves(root) {
  const leaves = [];
  const stack = [{ node: root, inArray: false }];
  while (stack.length > 0) {
    const { node, inArray } = stack.pop();
    const childInArray = inArray || Array.isArray(node);
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (value !== null && typeof value === "object") stack.push({ node: value, inArray: childInArray });
      else leaves.push({ container: node, key, inArray: childInArray });
    }
  }
  return leaves;
}

/** A different value of the same type, so the edit looks like a real one. */
function changedValue(value) {
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  if (typeof value === "string") return value.startsWith("${") ? value.replace("}", "_ROTATED}") : `${value}-v2`;
  return "changed";
}

function mutate(leaf) {
  leaf.container[leaf.key] = changedValue(leaf.container[leaf.key]);
}

/** Changes `fraction` of all leaves, chosen without repeats. */
function changeFraction(config, rng, fraction) {
  const leaves = collectLeaves(config);
  const count = Math.max(1, Math.round(leaves.length * fraction));
  // Partial Fisher-Yates: the first `count` slots end up a uniform sample.
  for (let i = 0; i < count; i += 1) {
    const j = i + rng.int(leaves.length - i);
    [leaves[i], leaves[j]] = [leaves[j], leaves[i]];
    mutate(leaves[i]);
  }
}

export const EDITS = {
  "one-leaf": {
    describe: "one scalar outside any array (the gateway reports its own path)",
    apply(config, rng) {
      mutate(rng.pick(collectLeaves(config).filter((leaf) => !leaf.inArray)));
    },
  },
  "one-percent": {
    describe: "1% of all scalars, anywhere",
    apply: (config, rng) => changeFraction(config, rng, 0.01),
  },
  half: {
    describe: "50% of all scalars, anywhere",
    apply: (config, rng) => changeFraction(config, rng, 0.5),
  },
  "array-element": {
    describe: "one field of one agents.list element",
    apply(config, rng) {
      const agent = rng.pick(config.agents.list);
      agent.heartbeat.every = changedValue(agent.heartbeat.every);
    },
  },
  "array-reorder": {
    describe: "agents.list shuffled, no value changed",
    apply(config, rng) {
      rng.shuffle(config.agents.list);
    },
  },
};
