package htmlreport

// suiteView is the head of a suite's page: its verdict, the verdict table
// by module and the list of scenarios, each linked to its section.
type suiteView struct {
	Title     string
	Verdict   verdictView
	Tier      string
	Seeds     string // "each scenario's own" or the list
	Quorum    string // "" when every seed must hold
	Version   string
	Command   string
	Modules   []moduleRow
	Total     *moduleRow
	Scenarios []scenarioRow
}

// moduleRow is one row of the verdict table.
type moduleRow struct {
	Name                                     string
	Tests, Passing, Failing, Skipped, Errors int
	PassRate                                 string
}

// scenarioRow is one line of the list of scenarios.
type scenarioRow struct {
	ID, Name, Module string
	Word, Class      string // PASS, FAIL, SKIPPED, ERROR and their class
	Failed           []string
	Error            string
}
