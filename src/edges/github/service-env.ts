// Services and their `stop:` commands see the job's environment, as a `run:`
// step would, without the action's own inputs and saved state (a config with
// secrets in INPUT_SERVICES): main and post both hand them this.
// ACTIONS_* stay: tools such as sccache's GitHub cache backend read them.
export function serviceEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (!/^(?:INPUT_|STATE_)/.test(key)) kept[key] = value;
  }
  return kept;
}
