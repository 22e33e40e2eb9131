export interface InitGeneratorSchema {
  skipInstall?: boolean;
  /** Passed by `nx add`: keep the versions the workspace already pins (init always does). */
  keepExistingVersions?: boolean;
}
