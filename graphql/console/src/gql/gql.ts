/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConsoleViewer {\n    viewer { id displayName language roles organisation { name } }\n  }\n": typeof types.ConsoleViewerDocument,
    "\n  mutation ConsoleSetLanguage($language: String!) {\n    setMyLanguage(language: $language) { id language }\n  }\n": typeof types.ConsoleSetLanguageDocument,
    "\n  query ConsoleCertificatePdf($id: ID!) {\n    certificatePdf(id: $id) { fileName base64 }\n  }\n": typeof types.ConsoleCertificatePdfDocument,
    "\n  query ConsoleHouseholdCertificates($householdId: ID!) {\n    householdCertificates(householdId: $householdId) {\n      id number printedName courseTitle issuedOn revokedAt revokeReason verificationUrl\n    }\n    courseRuns { id courseTitle place language capacity sessions { onDate } figures { enrolled } }\n  }\n": typeof types.ConsoleHouseholdCertificatesDocument,
    "\n  mutation ConsoleEnrolMember($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n": typeof types.ConsoleEnrolMemberDocument,
    "\n  query ConsoleAdmin {\n    organisations(first: 100) { nodes { id slug name kind contact } }\n    users(first: 100) { totalCount nodes { id displayName email organisationId roles active version } }\n  }\n": typeof types.ConsoleAdminDocument,
    "\n  mutation ConsoleInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { id displayName email organisationId roles active version }\n  }\n": typeof types.ConsoleInviteUserDocument,
    "\n  mutation ConsoleGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles version }\n  }\n": typeof types.ConsoleGrantRoleDocument,
    "\n  mutation ConsoleRevokeRole($userId: ID!, $role: Role!) {\n    revokeRole(userId: $userId, role: $role) { id roles version }\n  }\n": typeof types.ConsoleRevokeRoleDocument,
    "\n  mutation ConsoleDeactivateUser($id: ID!, $version: Int!) {\n    deactivateUser(id: $id, version: $version) { id active version }\n  }\n": typeof types.ConsoleDeactivateUserDocument,
    "\n  mutation ConsoleCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id slug name kind contact }\n  }\n": typeof types.ConsoleCreateOrganisationDocument,
    "\n  query ConsoleGuaranteeRequests {\n    guarantees(first: 100, status: REQUESTED) {\n      totalCount\n      nodes { id householdId kind amount justification budgetYear offerId matchId version }\n    }\n  }\n": typeof types.ConsoleGuaranteeRequestsDocument,
    "\n  query ConsoleBudgets($year: Int!) {\n    guaranteeBudgets(year: $year) { year kind budget committed remaining version }\n  }\n": typeof types.ConsoleBudgetsDocument,
    "\n  mutation ConsoleDecideGuarantee($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {\n    decideGuarantee(id: $id, version: $version, approve: $approve, reason: $reason) {\n      id status decidedOn decisionReason version\n    }\n  }\n": typeof types.ConsoleDecideGuaranteeDocument,
    "\n  query ConsoleAuditLog($after: String, $entityId: ID) {\n    auditLog(first: 50, after: $after, entityId: $entityId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id seq at actorUserId entity entityId action fields purpose }\n    }\n    users(first: 100) { nodes { id displayName } }\n  }\n": typeof types.ConsoleAuditLogDocument,
    "\n  query ConsoleVerifyChain { verifyAuditChain { intact entries firstBrokenSeq } }\n": typeof types.ConsoleVerifyChainDocument,
    "\n  query Benchmark {\n    benchmark(quarters: 8) {\n      quarters threshold programme csv csvSemicolon chartJson\n      measures {\n        measure { code label labelEn kind numerator denominator period exclusions }\n        cities { city own points { quarter value of percent median p75 ratio withheld display } }\n      }\n    }\n  }\n": typeof types.BenchmarkDocument,
    "\n  query ConsoleOperatorCatalogue {\n    courseCatalogue {\n      id key version titleDe titleEn summaryDe languages status reviewNote submittedByCity\n      rule { kind minModules minAttendancePercent }\n      modules { key titleDe mandatory minutes }\n    }\n  }\n": typeof types.ConsoleOperatorCatalogueDocument,
    "\n  mutation ConsoleReviewSubmission($id: ID!, $publish: Boolean!, $note: String) {\n    reviewCourseSubmission(id: $id, publish: $publish, note: $note) { id status }\n  }\n": typeof types.ConsoleReviewSubmissionDocument,
    "\n  mutation ConsolePublishTemplate($input: CourseTemplateInput!) {\n    publishCourseTemplate(input: $input) { id version }\n  }\n": typeof types.ConsolePublishTemplateDocument,
    "\n  query CourseEvaluationPage($courseId: ID!) {\n    courseEvaluation(courseId: $courseId) {\n      courseId title asOf\n      runs { runId endedOn comparison { ...Comparison } }\n      overall { ...Comparison }\n    }\n    courseRuns(courseId: $courseId) {\n      id place language capacity\n      figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n    }\n  }\n  fragment Comparison on CourseComparison {\n    housedAtCompletion\n    completers { ...Group }\n    comparison { ...Group }\n  }\n  fragment Group on OutcomeGroup {\n    households\n    movedWithin { ...Share }\n    tenancyHeld { ...Share }\n  }\n  fragment Share on OutcomeShare { months observed yes rate pending pendingYes }\n": typeof types.CourseEvaluationPageDocument,
    "\n  query ConsoleCourseRun($id: ID!) {\n    courseRun(id: $id) {\n      run {\n        id courseTitle language interpreterLanguage trainer place district capacity\n        sessions { id position onDate startsAt place modules }\n        figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n      }\n      modules { key titleDe mandatory }\n      participants {\n        id printedName language status householdId dropReason droppedAfter completedOn version\n        progress { attended sessions complete missing }\n        marks { sessionId present absenceReason }\n        certificates { id number issuedOn revoked }\n      }\n    }\n  }\n": typeof types.ConsoleCourseRunDocument,
    "\n  mutation ConsoleEnrol($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n": typeof types.ConsoleEnrolDocument,
    "\n  mutation ConsoleAttendance($runId: ID!, $sessionId: ID!, $marks: [AttendanceMarkInput!]!) {\n    recordCourseAttendance(runId: $runId, sessionId: $sessionId, marks: $marks) { run { id } }\n  }\n": typeof types.ConsoleAttendanceDocument,
    "\n  mutation ConsoleDropOut($enrolmentId: ID!, $version: Int!, $reason: DropReason!) {\n    dropOutOfCourse(enrolmentId: $enrolmentId, version: $version, reason: $reason) { run { id } }\n  }\n": typeof types.ConsoleDropOutDocument,
    "\n  mutation ConsoleIssueCertificate($enrolmentId: ID!) {\n    issueCertificate(enrolmentId: $enrolmentId) { id number }\n  }\n": typeof types.ConsoleIssueCertificateDocument,
    "\n  mutation ConsoleRevokeCertificate($id: ID!, $reason: CertificateRevokeReason!) {\n    revokeCertificate(id: $id, reason: $reason) { id revokedAt }\n  }\n": typeof types.ConsoleRevokeCertificateDocument,
    "\n  mutation ConsoleReissueCertificate($id: ID!, $printedName: String) {\n    reissueCertificate(id: $id, printedName: $printedName) { id number }\n  }\n": typeof types.ConsoleReissueCertificateDocument,
    "\n  query ConsoleCourses {\n    courses {\n      id title version\n      template { id key version titleDe languages rule { kind minModules minAttendancePercent } modules { key titleDe mandatory minutes } }\n      newerVersion { id version }\n      localModules { key titleDe mandatory minutes }\n    }\n    courseRuns {\n      id courseId courseTitle language interpreterLanguage place district capacity deliveringOrgId\n      sessions { id onDate }\n      figures { enrolled waiting completed droppedOut attendedPercent }\n    }\n    carriers { id name }\n  }\n": typeof types.ConsoleCoursesDocument,
    "\n  query ConsoleCatalogue {\n    courseCatalogue { id key version titleDe summaryDe languages status ownSubmission reviewNote modules { key titleDe } }\n  }\n": typeof types.ConsoleCatalogueDocument,
    "\n  mutation ConsoleAdoptCourse($templateId: ID!) {\n    adoptCourse(templateId: $templateId) { id title }\n  }\n": typeof types.ConsoleAdoptCourseDocument,
    "\n  mutation ConsoleAdoptCourseVersion($courseId: ID!, $version: Int!, $templateId: ID!) {\n    adoptCourseVersion(courseId: $courseId, version: $version, templateId: $templateId) { id version }\n  }\n": typeof types.ConsoleAdoptCourseVersionDocument,
    "\n  mutation ConsoleAddLocalModule($courseId: ID!, $input: LocalModuleInput!) {\n    addLocalModule(courseId: $courseId, input: $input) { id localModules { key } }\n  }\n": typeof types.ConsoleAddLocalModuleDocument,
    "\n  mutation ConsoleScheduleRun($courseId: ID!, $input: CourseRunInput!) {\n    scheduleCourseRun(courseId: $courseId, input: $input) { id }\n  }\n": typeof types.ConsoleScheduleRunDocument,
    "\n  mutation ConsoleSubmitCourse($courseId: ID!, $key: String!, $summaryDe: String!) {\n    submitCourseToCatalogue(courseId: $courseId, key: $key, summaryDe: $summaryDe) { id status }\n  }\n": typeof types.ConsoleSubmitCourseDocument,
    "\n  query ConsoleSigningKeys {\n    signingKeys { id publicKey createdAt retiredAt revokedFrom }\n  }\n": typeof types.ConsoleSigningKeysDocument,
    "\n  mutation ConsoleRotateKey {\n    rotateSigningKey { id }\n  }\n": typeof types.ConsoleRotateKeyDocument,
    "\n  mutation ConsoleRevokeKey($id: ID!, $from: DateTime!, $reason: String!) {\n    revokeSigningKey(id: $id, from: $from, reason: $reason) { id revokedFrom }\n  }\n": typeof types.ConsoleRevokeKeyDocument,
    "\n  query CityDashboard {\n    cityDashboard(quarters: 8) { label from to intakes moves followups returns completions }\n  }\n": typeof types.CityDashboardDocument,
    "\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince nextStates size readiness readinessOn version languages notes\n      wbsValidUntil needsStepFree expectedToJoin preferredDistricts tenancyCoaching erased\n      currentAccommodation { name district since }\n      carrier { id name }\n      members { id givenName familyName relation dateOfBirth }\n      stateHistory { id fromState toState reason effectiveOn }\n      readinessHistory { id assessedOn overall rentPayment householdManagement neighbourhood tenancyLanguage notes }\n      consents { id scope givenOn withdrawnOn version }\n      carrierHistory { id status reason proposedAt decidedAt }\n      counsellingSessions { id heldOn participants topics barriers notes nextSteps }\n      goals { id title overdueSteps steps { id description owner dueOn doneOn overdue } }\n      followUps { id months dueOn outcome risk recordedOn overdue version }\n      tenancyCoachings { id startedOn endedOn outcome reasons }\n    }\n    matches(first: 50, filter: { householdId: $id }) {\n      nodes { id offerId status viewingOn leaseSignedOn moveInOn }\n    }\n    guarantees(first: 50, householdId: $id) {\n      nodes { id kind amount status decidedOn }\n    }\n  }\n": typeof types.ConsoleHouseholdDocument,
    "\n  query ConsoleHouseholdResidence($id: ID!, $purpose: AccessPurpose!) {\n    household(id: $id, purpose: $purpose) {\n      id\n      members { id nationality residenceStatus permitExpiresOn benefitFramework benefitChangesOn }\n    }\n  }\n": typeof types.ConsoleHouseholdResidenceDocument,
    "\n  mutation ConsoleTransition($id: ID!, $version: Int!, $to: CaseState!, $reason: String!, $effectiveOn: Date) {\n    transitionCase(householdId: $id, version: $version, to: $to, reason: $reason, effectiveOn: $effectiveOn) {\n      id state stateSince nextStates version\n      stateHistory { id fromState toState reason effectiveOn }\n    }\n  }\n": typeof types.ConsoleTransitionDocument,
    "\n  mutation ConsoleReadiness($id: ID!, $input: ReadinessInput!) {\n    recordReadinessAssessment(householdId: $id, input: $input) { id assessedOn overall }\n  }\n": typeof types.ConsoleReadinessDocument,
    "\n  mutation ConsoleCounselling($id: ID!, $input: CounsellingInput!) {\n    recordCounsellingSession(householdId: $id, input: $input) { id heldOn }\n  }\n": typeof types.ConsoleCounsellingDocument,
    "\n  mutation ConsoleAddGoal($id: ID!, $input: GoalInput!) {\n    addGoal(householdId: $id, input: $input) { id title }\n  }\n": typeof types.ConsoleAddGoalDocument,
    "\n  mutation ConsoleExportPerson($personId: ID!) {\n    exportPersonData(personId: $personId, purpose: DATA_SUBJECT_REQUEST)\n  }\n": typeof types.ConsoleExportPersonDocument,
    "\n  mutation ConsoleEraseHousehold($id: ID!, $version: Int!) {\n    eraseHousehold(id: $id, version: $version) { id erased state version }\n  }\n": typeof types.ConsoleEraseHouseholdDocument,
    "\n  query ConsoleCarriers { carriers { id name } }\n": typeof types.ConsoleCarriersDocument,
    "\n  mutation ConsoleAssignCarrier($id: ID!, $version: Int!, $organisationId: ID!) {\n    assignCarrier(householdId: $id, version: $version, organisationId: $organisationId) {\n      id version carrier { id name }\n      carrierHistory { id status reason proposedAt decidedAt }\n    }\n  }\n": typeof types.ConsoleAssignCarrierDocument,
    "\n  mutation ConsoleProposeTransfer($id: ID!, $organisationId: ID!, $reason: String!) {\n    proposeTransfer(householdId: $id, organisationId: $organisationId, reason: $reason) { id status householdId }\n  }\n": typeof types.ConsoleProposeTransferDocument,
    "\n  mutation ConsoleRecordFollowUp($id: ID!, $version: Int!, $input: FollowUpInput!) {\n    recordFollowUp(id: $id, version: $version, input: $input) { id outcome risk recordedOn version }\n  }\n": typeof types.ConsoleRecordFollowUpDocument,
    "\n  mutation ConsoleRecordConsent($id: ID!, $input: ConsentInput!) {\n    recordConsent(householdId: $id, input: $input) { id scope givenOn withdrawnOn version }\n  }\n": typeof types.ConsoleRecordConsentDocument,
    "\n  mutation ConsoleWithdrawConsent($id: ID!, $version: Int!, $withdrawnOn: Date) {\n    withdrawConsent(id: $id, version: $version, withdrawnOn: $withdrawnOn) { id withdrawnOn version }\n  }\n": typeof types.ConsoleWithdrawConsentDocument,
    "\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n": typeof types.ConsoleHouseholdsDocument,
    "\n  mutation ConsoleCreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id reference }\n  }\n": typeof types.ConsoleCreateHouseholdDocument,
    "\n  query ConsoleOffer($id: ID!) {\n    offer(id: $id) {\n      id street postalCode district rooms livingSpace coldRent serviceCharges heating grossColdRent deposit\n      availableFrom wbsRequired stepFree lift floor maxPersons petsAllowed notes channel status statusOn version\n      landlordName landlordContact\n    }\n  }\n": typeof types.ConsoleOfferDocument,
    "\n  query ConsoleOfferMatches($offerId: ID!) {\n    matches(first: 50, filter: { offerId: $offerId }) {\n      nodes {\n        id householdId status score viewingOn declineReason declinedBy leaseSignedOn moveInOn\n        benefitOffice benefitOfficeOn version\n      }\n    }\n  }\n": typeof types.ConsoleOfferMatchesDocument,
    "\n  query ConsoleRanking($offerId: ID!) {\n    rankHouseholdsForOffer(offerId: $offerId, first: 20, includeExcluded: true) {\n      householdId reference size score eligible\n      explanation { rules { rule passed detail } parts { part points detail } }\n    }\n  }\n": typeof types.ConsoleRankingDocument,
    "\n  query ConsoleMatchGuarantees($householdId: ID!) {\n    guarantees(first: 50, householdId: $householdId) {\n      nodes { id kind amount status matchId decidedOn decisionReason }\n    }\n  }\n": typeof types.ConsoleMatchGuaranteesDocument,
    "\n  mutation ConsoleProposeMatch($offerId: ID!, $householdId: ID!) {\n    proposeMatch(offerId: $offerId, householdId: $householdId) { id status version }\n  }\n": typeof types.ConsoleProposeMatchDocument,
    "\n  mutation ConsoleScheduleViewing($id: ID!, $version: Int!, $on: Date!) {\n    scheduleViewing(id: $id, version: $version, on: $on) { id status viewingOn version }\n  }\n": typeof types.ConsoleScheduleViewingDocument,
    "\n  mutation ConsoleLandlordAccepted($id: ID!, $version: Int!) {\n    recordLandlordAcceptance(id: $id, version: $version) { id status version }\n  }\n": typeof types.ConsoleLandlordAcceptedDocument,
    "\n  mutation ConsoleBenefitOffice($id: ID!, $version: Int!, $decision: BenefitOfficeDecision!, $decidedOn: Date!, $reason: String) {\n    recordBenefitOfficeDecision(id: $id, version: $version, decision: $decision, decidedOn: $decidedOn, reason: $reason) {\n      id benefitOffice benefitOfficeOn version\n    }\n  }\n": typeof types.ConsoleBenefitOfficeDocument,
    "\n  mutation ConsoleDeclineMatch($id: ID!, $version: Int!, $reason: DeclineReason!, $text: String) {\n    declineMatch(id: $id, version: $version, reason: $reason, text: $text) { id status declineReason version }\n  }\n": typeof types.ConsoleDeclineMatchDocument,
    "\n  mutation ConsoleSignLease($id: ID!, $version: Int!, $signedOn: Date!, $moveInOn: Date!) {\n    signLease(id: $id, version: $version, signedOn: $signedOn, moveInOn: $moveInOn) {\n      id status leaseSignedOn moveInOn version\n    }\n  }\n": typeof types.ConsoleSignLeaseDocument,
    "\n  mutation ConsoleRequestGuarantee($householdId: ID!, $input: GuaranteeInput!) {\n    requestGuarantee(householdId: $householdId, input: $input) { id kind amount status matchId }\n  }\n": typeof types.ConsoleRequestGuaranteeDocument,
    "\n  query ConsoleOffers($first: Int!, $after: String, $filter: OfferFilterInput) {\n    offers(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id street postalCode district rooms livingSpace grossColdRent availableFrom status landlordName\n      }\n    }\n  }\n": typeof types.ConsoleOffersDocument,
    "\n  query ProgrammesPage {\n    programmes {\n      id organisationId organisationName title startsOn endsOn caseloadLimit version\n      funding { id kind name amount startsOn endsOn paysFor spent }\n      positions { id title fte permanent endsOn fundingId filled since version }\n      targets { year kind target actual expectedByNow behind }\n      households filledFte vacantFte caseloadPerFte\n    }\n  }\n": typeof types.ProgrammesPageDocument,
    "\n  query ProgrammeOrganisations {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n": typeof types.ProgrammeOrganisationsDocument,
    "\n  mutation ConsoleCreateProgramme($input: ProgrammeInput!) {\n    createProgramme(input: $input) { id }\n  }\n": typeof types.ConsoleCreateProgrammeDocument,
    "\n  mutation ConsoleAddFunding($programmeId: ID!, $input: FundingInput!) {\n    addFundingSource(programmeId: $programmeId, input: $input) { id funding { id } }\n  }\n": typeof types.ConsoleAddFundingDocument,
    "\n  mutation ConsoleAddPosition($programmeId: ID!, $input: PositionInput!) {\n    addPosition(programmeId: $programmeId, input: $input) { id positions { id } }\n  }\n": typeof types.ConsoleAddPositionDocument,
    "\n  mutation ConsoleSetPositionFilled($positionId: ID!, $version: Int!, $filled: Boolean!, $since: Date!) {\n    setPositionFilled(positionId: $positionId, version: $version, filled: $filled, since: $since) { id positions { id filled since version } }\n  }\n": typeof types.ConsoleSetPositionFilledDocument,
    "\n  mutation ConsoleRecordSpending($fundingId: ID!, $amount: Decimal!, $spentOn: Date!, $note: String!) {\n    recordFundingSpending(fundingId: $fundingId, amount: $amount, spentOn: $spentOn, note: $note) { id funding { id spent } }\n  }\n": typeof types.ConsoleRecordSpendingDocument,
    "\n  mutation ConsoleSetTarget($programmeId: ID!, $year: Int!, $kind: TargetKind!, $target: Int!) {\n    setProgrammeTarget(programmeId: $programmeId, year: $year, kind: $kind, target: $target) { id targets { year kind target } }\n  }\n": typeof types.ConsoleSetTargetDocument,
    "\n  query ConsoleRegister($on: Date!) {\n    accommodations(first: 100) {\n      totalCount\n      nodes { id name kind street postalCode district capacity occupied freePlaces active }\n    }\n    occupancyByDistrict { district accommodations capacity occupied }\n    landlords(first: 100) {\n      nodes { id kind name contact partnerStatus annualQuota deliveredThisYear }\n    }\n    rentCaps(on: $on) { id householdSize maxGrossColdRent maxLivingSpace validFrom validUntil }\n  }\n": typeof types.ConsoleRegisterDocument,
    "\n  query ConsoleSegregation($from: Date!, $to: Date!) {\n    segregationIndicator(from: $from, to: $to) {\n      district placements placementShare dwellings housingShare ratio clustering\n    }\n  }\n": typeof types.ConsoleSegregationDocument,
    "\n  mutation ConsoleHousingStock($district: String!, $dwellings: Int!) {\n    setDistrictHousingStock(district: $district, dwellings: $dwellings)\n  }\n": typeof types.ConsoleHousingStockDocument,
    "\n  mutation ConsoleCreateAccommodation($input: AccommodationInput!) {\n    createAccommodation(input: $input) { id name }\n  }\n": typeof types.ConsoleCreateAccommodationDocument,
    "\n  mutation ConsoleCreateLandlord($input: LandlordInput!) {\n    createLandlord(input: $input) { id name }\n  }\n": typeof types.ConsoleCreateLandlordDocument,
    "\n  mutation ConsoleAddRentCap($input: RentCapInput!) {\n    addRentCap(input: $input) { id householdSize }\n  }\n": typeof types.ConsoleAddRentCapDocument,
    "\n  query ReportScopes {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n": typeof types.ReportScopesDocument,
    "\n  query ReportPage($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReport(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) {\n      from to cutOff releasedAt scopeName carrierLevel csv csvSemicolon\n      sections { key title figures { key label display suppressed } }\n    }\n  }\n": typeof types.ReportPageDocument,
    "\n  query ReportPdf($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReportPdf(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) { fileName base64 }\n  }\n": typeof types.ReportPdfDocument,
    "\n  query ReleasedReports {\n    releasedReports { id from to cutOff releasedAt }\n  }\n": typeof types.ReleasedReportsDocument,
    "\n  mutation ReleaseJointReport($from: Date!, $to: Date!, $cutOff: DateTime!) {\n    releaseJointReport(from: $from, to: $to, cutOff: $cutOff) { id }\n  }\n": typeof types.ReleaseJointReportDocument,
    "\n  query InsightSharing {\n    insightSharing { measure { code label labelEn } peers programmes { id name shared } }\n  }\n": typeof types.InsightSharingDocument,
    "\n  mutation SetInsightSharing($measure: String!, $programmeId: ID, $shared: Boolean!) {\n    setInsightSharing(measure: $measure, programmeId: $programmeId, shared: $shared) { measure { code } peers programmes { id shared } }\n  }\n": typeof types.SetInsightSharingDocument,
    "\n  query ConsoleStateProgrammes {\n    stateProgrammes { id name cities }\n    stateOfficers { id name programme }\n    tenants(first: 100) { nodes { slug name } }\n  }\n": typeof types.ConsoleStateProgrammesDocument,
    "\n  mutation ConsoleCreateStateProgramme($name: String!, $citySlugs: [String!]!) {\n    createStateProgramme(name: $name, citySlugs: $citySlugs) { id }\n  }\n": typeof types.ConsoleCreateStateProgrammeDocument,
    "\n  mutation ConsoleAssignStateOfficer($programmeId: ID!, $userId: ID!) {\n    assignStateOfficer(programmeId: $programmeId, userId: $userId)\n  }\n": typeof types.ConsoleAssignStateOfficerDocument,
    "\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n      programmeWarnings { kind programmeId organisationName subject on paysFor fundedPositions fte households caseloadLimit actual target expectedByNow }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n": typeof types.ConsoleWorklistDocument,
    "\n  query ConsoleIncomingTransfers {\n    incomingTransfers { id householdId reason version }\n  }\n": typeof types.ConsoleIncomingTransfersDocument,
    "\n  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {\n    acceptTransfer(id: $id, version: $version) { id status version }\n  }\n": typeof types.ConsoleAcceptTransferDocument,
    "\n  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {\n    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }\n  }\n": typeof types.ConsoleRejectTransferDocument,
    "\n  query ConsoleReferences($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Household { reference } }\n  }\n": typeof types.ConsoleReferencesDocument,
};
const documents: Documents = {
    "\n  query ConsoleViewer {\n    viewer { id displayName language roles organisation { name } }\n  }\n": types.ConsoleViewerDocument,
    "\n  mutation ConsoleSetLanguage($language: String!) {\n    setMyLanguage(language: $language) { id language }\n  }\n": types.ConsoleSetLanguageDocument,
    "\n  query ConsoleCertificatePdf($id: ID!) {\n    certificatePdf(id: $id) { fileName base64 }\n  }\n": types.ConsoleCertificatePdfDocument,
    "\n  query ConsoleHouseholdCertificates($householdId: ID!) {\n    householdCertificates(householdId: $householdId) {\n      id number printedName courseTitle issuedOn revokedAt revokeReason verificationUrl\n    }\n    courseRuns { id courseTitle place language capacity sessions { onDate } figures { enrolled } }\n  }\n": types.ConsoleHouseholdCertificatesDocument,
    "\n  mutation ConsoleEnrolMember($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n": types.ConsoleEnrolMemberDocument,
    "\n  query ConsoleAdmin {\n    organisations(first: 100) { nodes { id slug name kind contact } }\n    users(first: 100) { totalCount nodes { id displayName email organisationId roles active version } }\n  }\n": types.ConsoleAdminDocument,
    "\n  mutation ConsoleInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { id displayName email organisationId roles active version }\n  }\n": types.ConsoleInviteUserDocument,
    "\n  mutation ConsoleGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles version }\n  }\n": types.ConsoleGrantRoleDocument,
    "\n  mutation ConsoleRevokeRole($userId: ID!, $role: Role!) {\n    revokeRole(userId: $userId, role: $role) { id roles version }\n  }\n": types.ConsoleRevokeRoleDocument,
    "\n  mutation ConsoleDeactivateUser($id: ID!, $version: Int!) {\n    deactivateUser(id: $id, version: $version) { id active version }\n  }\n": types.ConsoleDeactivateUserDocument,
    "\n  mutation ConsoleCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id slug name kind contact }\n  }\n": types.ConsoleCreateOrganisationDocument,
    "\n  query ConsoleGuaranteeRequests {\n    guarantees(first: 100, status: REQUESTED) {\n      totalCount\n      nodes { id householdId kind amount justification budgetYear offerId matchId version }\n    }\n  }\n": types.ConsoleGuaranteeRequestsDocument,
    "\n  query ConsoleBudgets($year: Int!) {\n    guaranteeBudgets(year: $year) { year kind budget committed remaining version }\n  }\n": types.ConsoleBudgetsDocument,
    "\n  mutation ConsoleDecideGuarantee($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {\n    decideGuarantee(id: $id, version: $version, approve: $approve, reason: $reason) {\n      id status decidedOn decisionReason version\n    }\n  }\n": types.ConsoleDecideGuaranteeDocument,
    "\n  query ConsoleAuditLog($after: String, $entityId: ID) {\n    auditLog(first: 50, after: $after, entityId: $entityId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id seq at actorUserId entity entityId action fields purpose }\n    }\n    users(first: 100) { nodes { id displayName } }\n  }\n": types.ConsoleAuditLogDocument,
    "\n  query ConsoleVerifyChain { verifyAuditChain { intact entries firstBrokenSeq } }\n": types.ConsoleVerifyChainDocument,
    "\n  query Benchmark {\n    benchmark(quarters: 8) {\n      quarters threshold programme csv csvSemicolon chartJson\n      measures {\n        measure { code label labelEn kind numerator denominator period exclusions }\n        cities { city own points { quarter value of percent median p75 ratio withheld display } }\n      }\n    }\n  }\n": types.BenchmarkDocument,
    "\n  query ConsoleOperatorCatalogue {\n    courseCatalogue {\n      id key version titleDe titleEn summaryDe languages status reviewNote submittedByCity\n      rule { kind minModules minAttendancePercent }\n      modules { key titleDe mandatory minutes }\n    }\n  }\n": types.ConsoleOperatorCatalogueDocument,
    "\n  mutation ConsoleReviewSubmission($id: ID!, $publish: Boolean!, $note: String) {\n    reviewCourseSubmission(id: $id, publish: $publish, note: $note) { id status }\n  }\n": types.ConsoleReviewSubmissionDocument,
    "\n  mutation ConsolePublishTemplate($input: CourseTemplateInput!) {\n    publishCourseTemplate(input: $input) { id version }\n  }\n": types.ConsolePublishTemplateDocument,
    "\n  query CourseEvaluationPage($courseId: ID!) {\n    courseEvaluation(courseId: $courseId) {\n      courseId title asOf\n      runs { runId endedOn comparison { ...Comparison } }\n      overall { ...Comparison }\n    }\n    courseRuns(courseId: $courseId) {\n      id place language capacity\n      figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n    }\n  }\n  fragment Comparison on CourseComparison {\n    housedAtCompletion\n    completers { ...Group }\n    comparison { ...Group }\n  }\n  fragment Group on OutcomeGroup {\n    households\n    movedWithin { ...Share }\n    tenancyHeld { ...Share }\n  }\n  fragment Share on OutcomeShare { months observed yes rate pending pendingYes }\n": types.CourseEvaluationPageDocument,
    "\n  query ConsoleCourseRun($id: ID!) {\n    courseRun(id: $id) {\n      run {\n        id courseTitle language interpreterLanguage trainer place district capacity\n        sessions { id position onDate startsAt place modules }\n        figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n      }\n      modules { key titleDe mandatory }\n      participants {\n        id printedName language status householdId dropReason droppedAfter completedOn version\n        progress { attended sessions complete missing }\n        marks { sessionId present absenceReason }\n        certificates { id number issuedOn revoked }\n      }\n    }\n  }\n": types.ConsoleCourseRunDocument,
    "\n  mutation ConsoleEnrol($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n": types.ConsoleEnrolDocument,
    "\n  mutation ConsoleAttendance($runId: ID!, $sessionId: ID!, $marks: [AttendanceMarkInput!]!) {\n    recordCourseAttendance(runId: $runId, sessionId: $sessionId, marks: $marks) { run { id } }\n  }\n": types.ConsoleAttendanceDocument,
    "\n  mutation ConsoleDropOut($enrolmentId: ID!, $version: Int!, $reason: DropReason!) {\n    dropOutOfCourse(enrolmentId: $enrolmentId, version: $version, reason: $reason) { run { id } }\n  }\n": types.ConsoleDropOutDocument,
    "\n  mutation ConsoleIssueCertificate($enrolmentId: ID!) {\n    issueCertificate(enrolmentId: $enrolmentId) { id number }\n  }\n": types.ConsoleIssueCertificateDocument,
    "\n  mutation ConsoleRevokeCertificate($id: ID!, $reason: CertificateRevokeReason!) {\n    revokeCertificate(id: $id, reason: $reason) { id revokedAt }\n  }\n": types.ConsoleRevokeCertificateDocument,
    "\n  mutation ConsoleReissueCertificate($id: ID!, $printedName: String) {\n    reissueCertificate(id: $id, printedName: $printedName) { id number }\n  }\n": types.ConsoleReissueCertificateDocument,
    "\n  query ConsoleCourses {\n    courses {\n      id title version\n      template { id key version titleDe languages rule { kind minModules minAttendancePercent } modules { key titleDe mandatory minutes } }\n      newerVersion { id version }\n      localModules { key titleDe mandatory minutes }\n    }\n    courseRuns {\n      id courseId courseTitle language interpreterLanguage place district capacity deliveringOrgId\n      sessions { id onDate }\n      figures { enrolled waiting completed droppedOut attendedPercent }\n    }\n    carriers { id name }\n  }\n": types.ConsoleCoursesDocument,
    "\n  query ConsoleCatalogue {\n    courseCatalogue { id key version titleDe summaryDe languages status ownSubmission reviewNote modules { key titleDe } }\n  }\n": types.ConsoleCatalogueDocument,
    "\n  mutation ConsoleAdoptCourse($templateId: ID!) {\n    adoptCourse(templateId: $templateId) { id title }\n  }\n": types.ConsoleAdoptCourseDocument,
    "\n  mutation ConsoleAdoptCourseVersion($courseId: ID!, $version: Int!, $templateId: ID!) {\n    adoptCourseVersion(courseId: $courseId, version: $version, templateId: $templateId) { id version }\n  }\n": types.ConsoleAdoptCourseVersionDocument,
    "\n  mutation ConsoleAddLocalModule($courseId: ID!, $input: LocalModuleInput!) {\n    addLocalModule(courseId: $courseId, input: $input) { id localModules { key } }\n  }\n": types.ConsoleAddLocalModuleDocument,
    "\n  mutation ConsoleScheduleRun($courseId: ID!, $input: CourseRunInput!) {\n    scheduleCourseRun(courseId: $courseId, input: $input) { id }\n  }\n": types.ConsoleScheduleRunDocument,
    "\n  mutation ConsoleSubmitCourse($courseId: ID!, $key: String!, $summaryDe: String!) {\n    submitCourseToCatalogue(courseId: $courseId, key: $key, summaryDe: $summaryDe) { id status }\n  }\n": types.ConsoleSubmitCourseDocument,
    "\n  query ConsoleSigningKeys {\n    signingKeys { id publicKey createdAt retiredAt revokedFrom }\n  }\n": types.ConsoleSigningKeysDocument,
    "\n  mutation ConsoleRotateKey {\n    rotateSigningKey { id }\n  }\n": types.ConsoleRotateKeyDocument,
    "\n  mutation ConsoleRevokeKey($id: ID!, $from: DateTime!, $reason: String!) {\n    revokeSigningKey(id: $id, from: $from, reason: $reason) { id revokedFrom }\n  }\n": types.ConsoleRevokeKeyDocument,
    "\n  query CityDashboard {\n    cityDashboard(quarters: 8) { label from to intakes moves followups returns completions }\n  }\n": types.CityDashboardDocument,
    "\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince nextStates size readiness readinessOn version languages notes\n      wbsValidUntil needsStepFree expectedToJoin preferredDistricts tenancyCoaching erased\n      currentAccommodation { name district since }\n      carrier { id name }\n      members { id givenName familyName relation dateOfBirth }\n      stateHistory { id fromState toState reason effectiveOn }\n      readinessHistory { id assessedOn overall rentPayment householdManagement neighbourhood tenancyLanguage notes }\n      consents { id scope givenOn withdrawnOn version }\n      carrierHistory { id status reason proposedAt decidedAt }\n      counsellingSessions { id heldOn participants topics barriers notes nextSteps }\n      goals { id title overdueSteps steps { id description owner dueOn doneOn overdue } }\n      followUps { id months dueOn outcome risk recordedOn overdue version }\n      tenancyCoachings { id startedOn endedOn outcome reasons }\n    }\n    matches(first: 50, filter: { householdId: $id }) {\n      nodes { id offerId status viewingOn leaseSignedOn moveInOn }\n    }\n    guarantees(first: 50, householdId: $id) {\n      nodes { id kind amount status decidedOn }\n    }\n  }\n": types.ConsoleHouseholdDocument,
    "\n  query ConsoleHouseholdResidence($id: ID!, $purpose: AccessPurpose!) {\n    household(id: $id, purpose: $purpose) {\n      id\n      members { id nationality residenceStatus permitExpiresOn benefitFramework benefitChangesOn }\n    }\n  }\n": types.ConsoleHouseholdResidenceDocument,
    "\n  mutation ConsoleTransition($id: ID!, $version: Int!, $to: CaseState!, $reason: String!, $effectiveOn: Date) {\n    transitionCase(householdId: $id, version: $version, to: $to, reason: $reason, effectiveOn: $effectiveOn) {\n      id state stateSince nextStates version\n      stateHistory { id fromState toState reason effectiveOn }\n    }\n  }\n": types.ConsoleTransitionDocument,
    "\n  mutation ConsoleReadiness($id: ID!, $input: ReadinessInput!) {\n    recordReadinessAssessment(householdId: $id, input: $input) { id assessedOn overall }\n  }\n": types.ConsoleReadinessDocument,
    "\n  mutation ConsoleCounselling($id: ID!, $input: CounsellingInput!) {\n    recordCounsellingSession(householdId: $id, input: $input) { id heldOn }\n  }\n": types.ConsoleCounsellingDocument,
    "\n  mutation ConsoleAddGoal($id: ID!, $input: GoalInput!) {\n    addGoal(householdId: $id, input: $input) { id title }\n  }\n": types.ConsoleAddGoalDocument,
    "\n  mutation ConsoleExportPerson($personId: ID!) {\n    exportPersonData(personId: $personId, purpose: DATA_SUBJECT_REQUEST)\n  }\n": types.ConsoleExportPersonDocument,
    "\n  mutation ConsoleEraseHousehold($id: ID!, $version: Int!) {\n    eraseHousehold(id: $id, version: $version) { id erased state version }\n  }\n": types.ConsoleEraseHouseholdDocument,
    "\n  query ConsoleCarriers { carriers { id name } }\n": types.ConsoleCarriersDocument,
    "\n  mutation ConsoleAssignCarrier($id: ID!, $version: Int!, $organisationId: ID!) {\n    assignCarrier(householdId: $id, version: $version, organisationId: $organisationId) {\n      id version carrier { id name }\n      carrierHistory { id status reason proposedAt decidedAt }\n    }\n  }\n": types.ConsoleAssignCarrierDocument,
    "\n  mutation ConsoleProposeTransfer($id: ID!, $organisationId: ID!, $reason: String!) {\n    proposeTransfer(householdId: $id, organisationId: $organisationId, reason: $reason) { id status householdId }\n  }\n": types.ConsoleProposeTransferDocument,
    "\n  mutation ConsoleRecordFollowUp($id: ID!, $version: Int!, $input: FollowUpInput!) {\n    recordFollowUp(id: $id, version: $version, input: $input) { id outcome risk recordedOn version }\n  }\n": types.ConsoleRecordFollowUpDocument,
    "\n  mutation ConsoleRecordConsent($id: ID!, $input: ConsentInput!) {\n    recordConsent(householdId: $id, input: $input) { id scope givenOn withdrawnOn version }\n  }\n": types.ConsoleRecordConsentDocument,
    "\n  mutation ConsoleWithdrawConsent($id: ID!, $version: Int!, $withdrawnOn: Date) {\n    withdrawConsent(id: $id, version: $version, withdrawnOn: $withdrawnOn) { id withdrawnOn version }\n  }\n": types.ConsoleWithdrawConsentDocument,
    "\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n": types.ConsoleHouseholdsDocument,
    "\n  mutation ConsoleCreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id reference }\n  }\n": types.ConsoleCreateHouseholdDocument,
    "\n  query ConsoleOffer($id: ID!) {\n    offer(id: $id) {\n      id street postalCode district rooms livingSpace coldRent serviceCharges heating grossColdRent deposit\n      availableFrom wbsRequired stepFree lift floor maxPersons petsAllowed notes channel status statusOn version\n      landlordName landlordContact\n    }\n  }\n": types.ConsoleOfferDocument,
    "\n  query ConsoleOfferMatches($offerId: ID!) {\n    matches(first: 50, filter: { offerId: $offerId }) {\n      nodes {\n        id householdId status score viewingOn declineReason declinedBy leaseSignedOn moveInOn\n        benefitOffice benefitOfficeOn version\n      }\n    }\n  }\n": types.ConsoleOfferMatchesDocument,
    "\n  query ConsoleRanking($offerId: ID!) {\n    rankHouseholdsForOffer(offerId: $offerId, first: 20, includeExcluded: true) {\n      householdId reference size score eligible\n      explanation { rules { rule passed detail } parts { part points detail } }\n    }\n  }\n": types.ConsoleRankingDocument,
    "\n  query ConsoleMatchGuarantees($householdId: ID!) {\n    guarantees(first: 50, householdId: $householdId) {\n      nodes { id kind amount status matchId decidedOn decisionReason }\n    }\n  }\n": types.ConsoleMatchGuaranteesDocument,
    "\n  mutation ConsoleProposeMatch($offerId: ID!, $householdId: ID!) {\n    proposeMatch(offerId: $offerId, householdId: $householdId) { id status version }\n  }\n": types.ConsoleProposeMatchDocument,
    "\n  mutation ConsoleScheduleViewing($id: ID!, $version: Int!, $on: Date!) {\n    scheduleViewing(id: $id, version: $version, on: $on) { id status viewingOn version }\n  }\n": types.ConsoleScheduleViewingDocument,
    "\n  mutation ConsoleLandlordAccepted($id: ID!, $version: Int!) {\n    recordLandlordAcceptance(id: $id, version: $version) { id status version }\n  }\n": types.ConsoleLandlordAcceptedDocument,
    "\n  mutation ConsoleBenefitOffice($id: ID!, $version: Int!, $decision: BenefitOfficeDecision!, $decidedOn: Date!, $reason: String) {\n    recordBenefitOfficeDecision(id: $id, version: $version, decision: $decision, decidedOn: $decidedOn, reason: $reason) {\n      id benefitOffice benefitOfficeOn version\n    }\n  }\n": types.ConsoleBenefitOfficeDocument,
    "\n  mutation ConsoleDeclineMatch($id: ID!, $version: Int!, $reason: DeclineReason!, $text: String) {\n    declineMatch(id: $id, version: $version, reason: $reason, text: $text) { id status declineReason version }\n  }\n": types.ConsoleDeclineMatchDocument,
    "\n  mutation ConsoleSignLease($id: ID!, $version: Int!, $signedOn: Date!, $moveInOn: Date!) {\n    signLease(id: $id, version: $version, signedOn: $signedOn, moveInOn: $moveInOn) {\n      id status leaseSignedOn moveInOn version\n    }\n  }\n": types.ConsoleSignLeaseDocument,
    "\n  mutation ConsoleRequestGuarantee($householdId: ID!, $input: GuaranteeInput!) {\n    requestGuarantee(householdId: $householdId, input: $input) { id kind amount status matchId }\n  }\n": types.ConsoleRequestGuaranteeDocument,
    "\n  query ConsoleOffers($first: Int!, $after: String, $filter: OfferFilterInput) {\n    offers(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id street postalCode district rooms livingSpace grossColdRent availableFrom status landlordName\n      }\n    }\n  }\n": types.ConsoleOffersDocument,
    "\n  query ProgrammesPage {\n    programmes {\n      id organisationId organisationName title startsOn endsOn caseloadLimit version\n      funding { id kind name amount startsOn endsOn paysFor spent }\n      positions { id title fte permanent endsOn fundingId filled since version }\n      targets { year kind target actual expectedByNow behind }\n      households filledFte vacantFte caseloadPerFte\n    }\n  }\n": types.ProgrammesPageDocument,
    "\n  query ProgrammeOrganisations {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n": types.ProgrammeOrganisationsDocument,
    "\n  mutation ConsoleCreateProgramme($input: ProgrammeInput!) {\n    createProgramme(input: $input) { id }\n  }\n": types.ConsoleCreateProgrammeDocument,
    "\n  mutation ConsoleAddFunding($programmeId: ID!, $input: FundingInput!) {\n    addFundingSource(programmeId: $programmeId, input: $input) { id funding { id } }\n  }\n": types.ConsoleAddFundingDocument,
    "\n  mutation ConsoleAddPosition($programmeId: ID!, $input: PositionInput!) {\n    addPosition(programmeId: $programmeId, input: $input) { id positions { id } }\n  }\n": types.ConsoleAddPositionDocument,
    "\n  mutation ConsoleSetPositionFilled($positionId: ID!, $version: Int!, $filled: Boolean!, $since: Date!) {\n    setPositionFilled(positionId: $positionId, version: $version, filled: $filled, since: $since) { id positions { id filled since version } }\n  }\n": types.ConsoleSetPositionFilledDocument,
    "\n  mutation ConsoleRecordSpending($fundingId: ID!, $amount: Decimal!, $spentOn: Date!, $note: String!) {\n    recordFundingSpending(fundingId: $fundingId, amount: $amount, spentOn: $spentOn, note: $note) { id funding { id spent } }\n  }\n": types.ConsoleRecordSpendingDocument,
    "\n  mutation ConsoleSetTarget($programmeId: ID!, $year: Int!, $kind: TargetKind!, $target: Int!) {\n    setProgrammeTarget(programmeId: $programmeId, year: $year, kind: $kind, target: $target) { id targets { year kind target } }\n  }\n": types.ConsoleSetTargetDocument,
    "\n  query ConsoleRegister($on: Date!) {\n    accommodations(first: 100) {\n      totalCount\n      nodes { id name kind street postalCode district capacity occupied freePlaces active }\n    }\n    occupancyByDistrict { district accommodations capacity occupied }\n    landlords(first: 100) {\n      nodes { id kind name contact partnerStatus annualQuota deliveredThisYear }\n    }\n    rentCaps(on: $on) { id householdSize maxGrossColdRent maxLivingSpace validFrom validUntil }\n  }\n": types.ConsoleRegisterDocument,
    "\n  query ConsoleSegregation($from: Date!, $to: Date!) {\n    segregationIndicator(from: $from, to: $to) {\n      district placements placementShare dwellings housingShare ratio clustering\n    }\n  }\n": types.ConsoleSegregationDocument,
    "\n  mutation ConsoleHousingStock($district: String!, $dwellings: Int!) {\n    setDistrictHousingStock(district: $district, dwellings: $dwellings)\n  }\n": types.ConsoleHousingStockDocument,
    "\n  mutation ConsoleCreateAccommodation($input: AccommodationInput!) {\n    createAccommodation(input: $input) { id name }\n  }\n": types.ConsoleCreateAccommodationDocument,
    "\n  mutation ConsoleCreateLandlord($input: LandlordInput!) {\n    createLandlord(input: $input) { id name }\n  }\n": types.ConsoleCreateLandlordDocument,
    "\n  mutation ConsoleAddRentCap($input: RentCapInput!) {\n    addRentCap(input: $input) { id householdSize }\n  }\n": types.ConsoleAddRentCapDocument,
    "\n  query ReportScopes {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n": types.ReportScopesDocument,
    "\n  query ReportPage($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReport(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) {\n      from to cutOff releasedAt scopeName carrierLevel csv csvSemicolon\n      sections { key title figures { key label display suppressed } }\n    }\n  }\n": types.ReportPageDocument,
    "\n  query ReportPdf($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReportPdf(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) { fileName base64 }\n  }\n": types.ReportPdfDocument,
    "\n  query ReleasedReports {\n    releasedReports { id from to cutOff releasedAt }\n  }\n": types.ReleasedReportsDocument,
    "\n  mutation ReleaseJointReport($from: Date!, $to: Date!, $cutOff: DateTime!) {\n    releaseJointReport(from: $from, to: $to, cutOff: $cutOff) { id }\n  }\n": types.ReleaseJointReportDocument,
    "\n  query InsightSharing {\n    insightSharing { measure { code label labelEn } peers programmes { id name shared } }\n  }\n": types.InsightSharingDocument,
    "\n  mutation SetInsightSharing($measure: String!, $programmeId: ID, $shared: Boolean!) {\n    setInsightSharing(measure: $measure, programmeId: $programmeId, shared: $shared) { measure { code } peers programmes { id shared } }\n  }\n": types.SetInsightSharingDocument,
    "\n  query ConsoleStateProgrammes {\n    stateProgrammes { id name cities }\n    stateOfficers { id name programme }\n    tenants(first: 100) { nodes { slug name } }\n  }\n": types.ConsoleStateProgrammesDocument,
    "\n  mutation ConsoleCreateStateProgramme($name: String!, $citySlugs: [String!]!) {\n    createStateProgramme(name: $name, citySlugs: $citySlugs) { id }\n  }\n": types.ConsoleCreateStateProgrammeDocument,
    "\n  mutation ConsoleAssignStateOfficer($programmeId: ID!, $userId: ID!) {\n    assignStateOfficer(programmeId: $programmeId, userId: $userId)\n  }\n": types.ConsoleAssignStateOfficerDocument,
    "\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n      programmeWarnings { kind programmeId organisationName subject on paysFor fundedPositions fte households caseloadLimit actual target expectedByNow }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n": types.ConsoleWorklistDocument,
    "\n  query ConsoleIncomingTransfers {\n    incomingTransfers { id householdId reason version }\n  }\n": types.ConsoleIncomingTransfersDocument,
    "\n  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {\n    acceptTransfer(id: $id, version: $version) { id status version }\n  }\n": types.ConsoleAcceptTransferDocument,
    "\n  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {\n    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }\n  }\n": types.ConsoleRejectTransferDocument,
    "\n  query ConsoleReferences($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Household { reference } }\n  }\n": types.ConsoleReferencesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleViewer {\n    viewer { id displayName language roles organisation { name } }\n  }\n"): (typeof documents)["\n  query ConsoleViewer {\n    viewer { id displayName language roles organisation { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetLanguage($language: String!) {\n    setMyLanguage(language: $language) { id language }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetLanguage($language: String!) {\n    setMyLanguage(language: $language) { id language }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCertificatePdf($id: ID!) {\n    certificatePdf(id: $id) { fileName base64 }\n  }\n"): (typeof documents)["\n  query ConsoleCertificatePdf($id: ID!) {\n    certificatePdf(id: $id) { fileName base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHouseholdCertificates($householdId: ID!) {\n    householdCertificates(householdId: $householdId) {\n      id number printedName courseTitle issuedOn revokedAt revokeReason verificationUrl\n    }\n    courseRuns { id courseTitle place language capacity sessions { onDate } figures { enrolled } }\n  }\n"): (typeof documents)["\n  query ConsoleHouseholdCertificates($householdId: ID!) {\n    householdCertificates(householdId: $householdId) {\n      id number printedName courseTitle issuedOn revokedAt revokeReason verificationUrl\n    }\n    courseRuns { id courseTitle place language capacity sessions { onDate } figures { enrolled } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleEnrolMember($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ConsoleEnrolMember($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAdmin {\n    organisations(first: 100) { nodes { id slug name kind contact } }\n    users(first: 100) { totalCount nodes { id displayName email organisationId roles active version } }\n  }\n"): (typeof documents)["\n  query ConsoleAdmin {\n    organisations(first: 100) { nodes { id slug name kind contact } }\n    users(first: 100) { totalCount nodes { id displayName email organisationId roles active version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { id displayName email organisationId roles active version }\n  }\n"): (typeof documents)["\n  mutation ConsoleInviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { id displayName email organisationId roles active version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles version }\n  }\n"): (typeof documents)["\n  mutation ConsoleGrantRole($userId: ID!, $role: Role!) {\n    grantRole(userId: $userId, role: $role) { id roles version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeRole($userId: ID!, $role: Role!) {\n    revokeRole(userId: $userId, role: $role) { id roles version }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeRole($userId: ID!, $role: Role!) {\n    revokeRole(userId: $userId, role: $role) { id roles version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeactivateUser($id: ID!, $version: Int!) {\n    deactivateUser(id: $id, version: $version) { id active version }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeactivateUser($id: ID!, $version: Int!) {\n    deactivateUser(id: $id, version: $version) { id active version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id slug name kind contact }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id slug name kind contact }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleGuaranteeRequests {\n    guarantees(first: 100, status: REQUESTED) {\n      totalCount\n      nodes { id householdId kind amount justification budgetYear offerId matchId version }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleGuaranteeRequests {\n    guarantees(first: 100, status: REQUESTED) {\n      totalCount\n      nodes { id householdId kind amount justification budgetYear offerId matchId version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleBudgets($year: Int!) {\n    guaranteeBudgets(year: $year) { year kind budget committed remaining version }\n  }\n"): (typeof documents)["\n  query ConsoleBudgets($year: Int!) {\n    guaranteeBudgets(year: $year) { year kind budget committed remaining version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDecideGuarantee($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {\n    decideGuarantee(id: $id, version: $version, approve: $approve, reason: $reason) {\n      id status decidedOn decisionReason version\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleDecideGuarantee($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {\n    decideGuarantee(id: $id, version: $version, approve: $approve, reason: $reason) {\n      id status decidedOn decisionReason version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAuditLog($after: String, $entityId: ID) {\n    auditLog(first: 50, after: $after, entityId: $entityId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id seq at actorUserId entity entityId action fields purpose }\n    }\n    users(first: 100) { nodes { id displayName } }\n  }\n"): (typeof documents)["\n  query ConsoleAuditLog($after: String, $entityId: ID) {\n    auditLog(first: 50, after: $after, entityId: $entityId) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id seq at actorUserId entity entityId action fields purpose }\n    }\n    users(first: 100) { nodes { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleVerifyChain { verifyAuditChain { intact entries firstBrokenSeq } }\n"): (typeof documents)["\n  query ConsoleVerifyChain { verifyAuditChain { intact entries firstBrokenSeq } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Benchmark {\n    benchmark(quarters: 8) {\n      quarters threshold programme csv csvSemicolon chartJson\n      measures {\n        measure { code label labelEn kind numerator denominator period exclusions }\n        cities { city own points { quarter value of percent median p75 ratio withheld display } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Benchmark {\n    benchmark(quarters: 8) {\n      quarters threshold programme csv csvSemicolon chartJson\n      measures {\n        measure { code label labelEn kind numerator denominator period exclusions }\n        cities { city own points { quarter value of percent median p75 ratio withheld display } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOperatorCatalogue {\n    courseCatalogue {\n      id key version titleDe titleEn summaryDe languages status reviewNote submittedByCity\n      rule { kind minModules minAttendancePercent }\n      modules { key titleDe mandatory minutes }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOperatorCatalogue {\n    courseCatalogue {\n      id key version titleDe titleEn summaryDe languages status reviewNote submittedByCity\n      rule { kind minModules minAttendancePercent }\n      modules { key titleDe mandatory minutes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReviewSubmission($id: ID!, $publish: Boolean!, $note: String) {\n    reviewCourseSubmission(id: $id, publish: $publish, note: $note) { id status }\n  }\n"): (typeof documents)["\n  mutation ConsoleReviewSubmission($id: ID!, $publish: Boolean!, $note: String) {\n    reviewCourseSubmission(id: $id, publish: $publish, note: $note) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsolePublishTemplate($input: CourseTemplateInput!) {\n    publishCourseTemplate(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation ConsolePublishTemplate($input: CourseTemplateInput!) {\n    publishCourseTemplate(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CourseEvaluationPage($courseId: ID!) {\n    courseEvaluation(courseId: $courseId) {\n      courseId title asOf\n      runs { runId endedOn comparison { ...Comparison } }\n      overall { ...Comparison }\n    }\n    courseRuns(courseId: $courseId) {\n      id place language capacity\n      figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n    }\n  }\n  fragment Comparison on CourseComparison {\n    housedAtCompletion\n    completers { ...Group }\n    comparison { ...Group }\n  }\n  fragment Group on OutcomeGroup {\n    households\n    movedWithin { ...Share }\n    tenancyHeld { ...Share }\n  }\n  fragment Share on OutcomeShare { months observed yes rate pending pendingYes }\n"): (typeof documents)["\n  query CourseEvaluationPage($courseId: ID!) {\n    courseEvaluation(courseId: $courseId) {\n      courseId title asOf\n      runs { runId endedOn comparison { ...Comparison } }\n      overall { ...Comparison }\n    }\n    courseRuns(courseId: $courseId) {\n      id place language capacity\n      figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n    }\n  }\n  fragment Comparison on CourseComparison {\n    housedAtCompletion\n    completers { ...Group }\n    comparison { ...Group }\n  }\n  fragment Group on OutcomeGroup {\n    households\n    movedWithin { ...Share }\n    tenancyHeld { ...Share }\n  }\n  fragment Share on OutcomeShare { months observed yes rate pending pendingYes }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCourseRun($id: ID!) {\n    courseRun(id: $id) {\n      run {\n        id courseTitle language interpreterLanguage trainer place district capacity\n        sessions { id position onDate startsAt place modules }\n        figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n      }\n      modules { key titleDe mandatory }\n      participants {\n        id printedName language status householdId dropReason droppedAfter completedOn version\n        progress { attended sessions complete missing }\n        marks { sessionId present absenceReason }\n        certificates { id number issuedOn revoked }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCourseRun($id: ID!) {\n    courseRun(id: $id) {\n      run {\n        id courseTitle language interpreterLanguage trainer place district capacity\n        sessions { id position onDate startsAt place modules }\n        figures { enrolled waiting completed droppedOut attendedPercent droppedAfter { afterSession count } }\n      }\n      modules { key titleDe mandatory }\n      participants {\n        id printedName language status householdId dropReason droppedAfter completedOn version\n        progress { attended sessions complete missing }\n        marks { sessionId present absenceReason }\n        certificates { id number issuedOn revoked }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleEnrol($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ConsoleEnrol($runId: ID!, $input: EnrolmentInput!) {\n    enrolInCourseRun(runId: $runId, input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAttendance($runId: ID!, $sessionId: ID!, $marks: [AttendanceMarkInput!]!) {\n    recordCourseAttendance(runId: $runId, sessionId: $sessionId, marks: $marks) { run { id } }\n  }\n"): (typeof documents)["\n  mutation ConsoleAttendance($runId: ID!, $sessionId: ID!, $marks: [AttendanceMarkInput!]!) {\n    recordCourseAttendance(runId: $runId, sessionId: $sessionId, marks: $marks) { run { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDropOut($enrolmentId: ID!, $version: Int!, $reason: DropReason!) {\n    dropOutOfCourse(enrolmentId: $enrolmentId, version: $version, reason: $reason) { run { id } }\n  }\n"): (typeof documents)["\n  mutation ConsoleDropOut($enrolmentId: ID!, $version: Int!, $reason: DropReason!) {\n    dropOutOfCourse(enrolmentId: $enrolmentId, version: $version, reason: $reason) { run { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleIssueCertificate($enrolmentId: ID!) {\n    issueCertificate(enrolmentId: $enrolmentId) { id number }\n  }\n"): (typeof documents)["\n  mutation ConsoleIssueCertificate($enrolmentId: ID!) {\n    issueCertificate(enrolmentId: $enrolmentId) { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeCertificate($id: ID!, $reason: CertificateRevokeReason!) {\n    revokeCertificate(id: $id, reason: $reason) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeCertificate($id: ID!, $reason: CertificateRevokeReason!) {\n    revokeCertificate(id: $id, reason: $reason) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReissueCertificate($id: ID!, $printedName: String) {\n    reissueCertificate(id: $id, printedName: $printedName) { id number }\n  }\n"): (typeof documents)["\n  mutation ConsoleReissueCertificate($id: ID!, $printedName: String) {\n    reissueCertificate(id: $id, printedName: $printedName) { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCourses {\n    courses {\n      id title version\n      template { id key version titleDe languages rule { kind minModules minAttendancePercent } modules { key titleDe mandatory minutes } }\n      newerVersion { id version }\n      localModules { key titleDe mandatory minutes }\n    }\n    courseRuns {\n      id courseId courseTitle language interpreterLanguage place district capacity deliveringOrgId\n      sessions { id onDate }\n      figures { enrolled waiting completed droppedOut attendedPercent }\n    }\n    carriers { id name }\n  }\n"): (typeof documents)["\n  query ConsoleCourses {\n    courses {\n      id title version\n      template { id key version titleDe languages rule { kind minModules minAttendancePercent } modules { key titleDe mandatory minutes } }\n      newerVersion { id version }\n      localModules { key titleDe mandatory minutes }\n    }\n    courseRuns {\n      id courseId courseTitle language interpreterLanguage place district capacity deliveringOrgId\n      sessions { id onDate }\n      figures { enrolled waiting completed droppedOut attendedPercent }\n    }\n    carriers { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCatalogue {\n    courseCatalogue { id key version titleDe summaryDe languages status ownSubmission reviewNote modules { key titleDe } }\n  }\n"): (typeof documents)["\n  query ConsoleCatalogue {\n    courseCatalogue { id key version titleDe summaryDe languages status ownSubmission reviewNote modules { key titleDe } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdoptCourse($templateId: ID!) {\n    adoptCourse(templateId: $templateId) { id title }\n  }\n"): (typeof documents)["\n  mutation ConsoleAdoptCourse($templateId: ID!) {\n    adoptCourse(templateId: $templateId) { id title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAdoptCourseVersion($courseId: ID!, $version: Int!, $templateId: ID!) {\n    adoptCourseVersion(courseId: $courseId, version: $version, templateId: $templateId) { id version }\n  }\n"): (typeof documents)["\n  mutation ConsoleAdoptCourseVersion($courseId: ID!, $version: Int!, $templateId: ID!) {\n    adoptCourseVersion(courseId: $courseId, version: $version, templateId: $templateId) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddLocalModule($courseId: ID!, $input: LocalModuleInput!) {\n    addLocalModule(courseId: $courseId, input: $input) { id localModules { key } }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddLocalModule($courseId: ID!, $input: LocalModuleInput!) {\n    addLocalModule(courseId: $courseId, input: $input) { id localModules { key } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleScheduleRun($courseId: ID!, $input: CourseRunInput!) {\n    scheduleCourseRun(courseId: $courseId, input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleScheduleRun($courseId: ID!, $input: CourseRunInput!) {\n    scheduleCourseRun(courseId: $courseId, input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSubmitCourse($courseId: ID!, $key: String!, $summaryDe: String!) {\n    submitCourseToCatalogue(courseId: $courseId, key: $key, summaryDe: $summaryDe) { id status }\n  }\n"): (typeof documents)["\n  mutation ConsoleSubmitCourse($courseId: ID!, $key: String!, $summaryDe: String!) {\n    submitCourseToCatalogue(courseId: $courseId, key: $key, summaryDe: $summaryDe) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSigningKeys {\n    signingKeys { id publicKey createdAt retiredAt revokedFrom }\n  }\n"): (typeof documents)["\n  query ConsoleSigningKeys {\n    signingKeys { id publicKey createdAt retiredAt revokedFrom }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateKey {\n    rotateSigningKey { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleRotateKey {\n    rotateSigningKey { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeKey($id: ID!, $from: DateTime!, $reason: String!) {\n    revokeSigningKey(id: $id, from: $from, reason: $reason) { id revokedFrom }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeKey($id: ID!, $from: DateTime!, $reason: String!) {\n    revokeSigningKey(id: $id, from: $from, reason: $reason) { id revokedFrom }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CityDashboard {\n    cityDashboard(quarters: 8) { label from to intakes moves followups returns completions }\n  }\n"): (typeof documents)["\n  query CityDashboard {\n    cityDashboard(quarters: 8) { label from to intakes moves followups returns completions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince nextStates size readiness readinessOn version languages notes\n      wbsValidUntil needsStepFree expectedToJoin preferredDistricts tenancyCoaching erased\n      currentAccommodation { name district since }\n      carrier { id name }\n      members { id givenName familyName relation dateOfBirth }\n      stateHistory { id fromState toState reason effectiveOn }\n      readinessHistory { id assessedOn overall rentPayment householdManagement neighbourhood tenancyLanguage notes }\n      consents { id scope givenOn withdrawnOn version }\n      carrierHistory { id status reason proposedAt decidedAt }\n      counsellingSessions { id heldOn participants topics barriers notes nextSteps }\n      goals { id title overdueSteps steps { id description owner dueOn doneOn overdue } }\n      followUps { id months dueOn outcome risk recordedOn overdue version }\n      tenancyCoachings { id startedOn endedOn outcome reasons }\n    }\n    matches(first: 50, filter: { householdId: $id }) {\n      nodes { id offerId status viewingOn leaseSignedOn moveInOn }\n    }\n    guarantees(first: 50, householdId: $id) {\n      nodes { id kind amount status decidedOn }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleHousehold($id: ID!) {\n    household(id: $id) {\n      id reference state stateSince nextStates size readiness readinessOn version languages notes\n      wbsValidUntil needsStepFree expectedToJoin preferredDistricts tenancyCoaching erased\n      currentAccommodation { name district since }\n      carrier { id name }\n      members { id givenName familyName relation dateOfBirth }\n      stateHistory { id fromState toState reason effectiveOn }\n      readinessHistory { id assessedOn overall rentPayment householdManagement neighbourhood tenancyLanguage notes }\n      consents { id scope givenOn withdrawnOn version }\n      carrierHistory { id status reason proposedAt decidedAt }\n      counsellingSessions { id heldOn participants topics barriers notes nextSteps }\n      goals { id title overdueSteps steps { id description owner dueOn doneOn overdue } }\n      followUps { id months dueOn outcome risk recordedOn overdue version }\n      tenancyCoachings { id startedOn endedOn outcome reasons }\n    }\n    matches(first: 50, filter: { householdId: $id }) {\n      nodes { id offerId status viewingOn leaseSignedOn moveInOn }\n    }\n    guarantees(first: 50, householdId: $id) {\n      nodes { id kind amount status decidedOn }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHouseholdResidence($id: ID!, $purpose: AccessPurpose!) {\n    household(id: $id, purpose: $purpose) {\n      id\n      members { id nationality residenceStatus permitExpiresOn benefitFramework benefitChangesOn }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleHouseholdResidence($id: ID!, $purpose: AccessPurpose!) {\n    household(id: $id, purpose: $purpose) {\n      id\n      members { id nationality residenceStatus permitExpiresOn benefitFramework benefitChangesOn }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleTransition($id: ID!, $version: Int!, $to: CaseState!, $reason: String!, $effectiveOn: Date) {\n    transitionCase(householdId: $id, version: $version, to: $to, reason: $reason, effectiveOn: $effectiveOn) {\n      id state stateSince nextStates version\n      stateHistory { id fromState toState reason effectiveOn }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleTransition($id: ID!, $version: Int!, $to: CaseState!, $reason: String!, $effectiveOn: Date) {\n    transitionCase(householdId: $id, version: $version, to: $to, reason: $reason, effectiveOn: $effectiveOn) {\n      id state stateSince nextStates version\n      stateHistory { id fromState toState reason effectiveOn }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleReadiness($id: ID!, $input: ReadinessInput!) {\n    recordReadinessAssessment(householdId: $id, input: $input) { id assessedOn overall }\n  }\n"): (typeof documents)["\n  mutation ConsoleReadiness($id: ID!, $input: ReadinessInput!) {\n    recordReadinessAssessment(householdId: $id, input: $input) { id assessedOn overall }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCounselling($id: ID!, $input: CounsellingInput!) {\n    recordCounsellingSession(householdId: $id, input: $input) { id heldOn }\n  }\n"): (typeof documents)["\n  mutation ConsoleCounselling($id: ID!, $input: CounsellingInput!) {\n    recordCounsellingSession(householdId: $id, input: $input) { id heldOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddGoal($id: ID!, $input: GoalInput!) {\n    addGoal(householdId: $id, input: $input) { id title }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddGoal($id: ID!, $input: GoalInput!) {\n    addGoal(householdId: $id, input: $input) { id title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleExportPerson($personId: ID!) {\n    exportPersonData(personId: $personId, purpose: DATA_SUBJECT_REQUEST)\n  }\n"): (typeof documents)["\n  mutation ConsoleExportPerson($personId: ID!) {\n    exportPersonData(personId: $personId, purpose: DATA_SUBJECT_REQUEST)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleEraseHousehold($id: ID!, $version: Int!) {\n    eraseHousehold(id: $id, version: $version) { id erased state version }\n  }\n"): (typeof documents)["\n  mutation ConsoleEraseHousehold($id: ID!, $version: Int!) {\n    eraseHousehold(id: $id, version: $version) { id erased state version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCarriers { carriers { id name } }\n"): (typeof documents)["\n  query ConsoleCarriers { carriers { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAssignCarrier($id: ID!, $version: Int!, $organisationId: ID!) {\n    assignCarrier(householdId: $id, version: $version, organisationId: $organisationId) {\n      id version carrier { id name }\n      carrierHistory { id status reason proposedAt decidedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAssignCarrier($id: ID!, $version: Int!, $organisationId: ID!) {\n    assignCarrier(householdId: $id, version: $version, organisationId: $organisationId) {\n      id version carrier { id name }\n      carrierHistory { id status reason proposedAt decidedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleProposeTransfer($id: ID!, $organisationId: ID!, $reason: String!) {\n    proposeTransfer(householdId: $id, organisationId: $organisationId, reason: $reason) { id status householdId }\n  }\n"): (typeof documents)["\n  mutation ConsoleProposeTransfer($id: ID!, $organisationId: ID!, $reason: String!) {\n    proposeTransfer(householdId: $id, organisationId: $organisationId, reason: $reason) { id status householdId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordFollowUp($id: ID!, $version: Int!, $input: FollowUpInput!) {\n    recordFollowUp(id: $id, version: $version, input: $input) { id outcome risk recordedOn version }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordFollowUp($id: ID!, $version: Int!, $input: FollowUpInput!) {\n    recordFollowUp(id: $id, version: $version, input: $input) { id outcome risk recordedOn version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordConsent($id: ID!, $input: ConsentInput!) {\n    recordConsent(householdId: $id, input: $input) { id scope givenOn withdrawnOn version }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordConsent($id: ID!, $input: ConsentInput!) {\n    recordConsent(householdId: $id, input: $input) { id scope givenOn withdrawnOn version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleWithdrawConsent($id: ID!, $version: Int!, $withdrawnOn: Date) {\n    withdrawConsent(id: $id, version: $version, withdrawnOn: $withdrawnOn) { id withdrawnOn version }\n  }\n"): (typeof documents)["\n  mutation ConsoleWithdrawConsent($id: ID!, $version: Int!, $withdrawnOn: Date) {\n    withdrawConsent(id: $id, version: $version, withdrawnOn: $withdrawnOn) { id withdrawnOn version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleHouseholds($first: Int!, $after: String, $filter: HouseholdFilterInput) {\n    households(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id reference state size readiness carrier { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id reference }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateHousehold($input: CreateHouseholdInput!) {\n    createHousehold(input: $input) { id reference }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOffer($id: ID!) {\n    offer(id: $id) {\n      id street postalCode district rooms livingSpace coldRent serviceCharges heating grossColdRent deposit\n      availableFrom wbsRequired stepFree lift floor maxPersons petsAllowed notes channel status statusOn version\n      landlordName landlordContact\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOffer($id: ID!) {\n    offer(id: $id) {\n      id street postalCode district rooms livingSpace coldRent serviceCharges heating grossColdRent deposit\n      availableFrom wbsRequired stepFree lift floor maxPersons petsAllowed notes channel status statusOn version\n      landlordName landlordContact\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOfferMatches($offerId: ID!) {\n    matches(first: 50, filter: { offerId: $offerId }) {\n      nodes {\n        id householdId status score viewingOn declineReason declinedBy leaseSignedOn moveInOn\n        benefitOffice benefitOfficeOn version\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOfferMatches($offerId: ID!) {\n    matches(first: 50, filter: { offerId: $offerId }) {\n      nodes {\n        id householdId status score viewingOn declineReason declinedBy leaseSignedOn moveInOn\n        benefitOffice benefitOfficeOn version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRanking($offerId: ID!) {\n    rankHouseholdsForOffer(offerId: $offerId, first: 20, includeExcluded: true) {\n      householdId reference size score eligible\n      explanation { rules { rule passed detail } parts { part points detail } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleRanking($offerId: ID!) {\n    rankHouseholdsForOffer(offerId: $offerId, first: 20, includeExcluded: true) {\n      householdId reference size score eligible\n      explanation { rules { rule passed detail } parts { part points detail } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMatchGuarantees($householdId: ID!) {\n    guarantees(first: 50, householdId: $householdId) {\n      nodes { id kind amount status matchId decidedOn decisionReason }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleMatchGuarantees($householdId: ID!) {\n    guarantees(first: 50, householdId: $householdId) {\n      nodes { id kind amount status matchId decidedOn decisionReason }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleProposeMatch($offerId: ID!, $householdId: ID!) {\n    proposeMatch(offerId: $offerId, householdId: $householdId) { id status version }\n  }\n"): (typeof documents)["\n  mutation ConsoleProposeMatch($offerId: ID!, $householdId: ID!) {\n    proposeMatch(offerId: $offerId, householdId: $householdId) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleScheduleViewing($id: ID!, $version: Int!, $on: Date!) {\n    scheduleViewing(id: $id, version: $version, on: $on) { id status viewingOn version }\n  }\n"): (typeof documents)["\n  mutation ConsoleScheduleViewing($id: ID!, $version: Int!, $on: Date!) {\n    scheduleViewing(id: $id, version: $version, on: $on) { id status viewingOn version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLandlordAccepted($id: ID!, $version: Int!) {\n    recordLandlordAcceptance(id: $id, version: $version) { id status version }\n  }\n"): (typeof documents)["\n  mutation ConsoleLandlordAccepted($id: ID!, $version: Int!) {\n    recordLandlordAcceptance(id: $id, version: $version) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleBenefitOffice($id: ID!, $version: Int!, $decision: BenefitOfficeDecision!, $decidedOn: Date!, $reason: String) {\n    recordBenefitOfficeDecision(id: $id, version: $version, decision: $decision, decidedOn: $decidedOn, reason: $reason) {\n      id benefitOffice benefitOfficeOn version\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleBenefitOffice($id: ID!, $version: Int!, $decision: BenefitOfficeDecision!, $decidedOn: Date!, $reason: String) {\n    recordBenefitOfficeDecision(id: $id, version: $version, decision: $decision, decidedOn: $decidedOn, reason: $reason) {\n      id benefitOffice benefitOfficeOn version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeclineMatch($id: ID!, $version: Int!, $reason: DeclineReason!, $text: String) {\n    declineMatch(id: $id, version: $version, reason: $reason, text: $text) { id status declineReason version }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeclineMatch($id: ID!, $version: Int!, $reason: DeclineReason!, $text: String) {\n    declineMatch(id: $id, version: $version, reason: $reason, text: $text) { id status declineReason version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSignLease($id: ID!, $version: Int!, $signedOn: Date!, $moveInOn: Date!) {\n    signLease(id: $id, version: $version, signedOn: $signedOn, moveInOn: $moveInOn) {\n      id status leaseSignedOn moveInOn version\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSignLease($id: ID!, $version: Int!, $signedOn: Date!, $moveInOn: Date!) {\n    signLease(id: $id, version: $version, signedOn: $signedOn, moveInOn: $moveInOn) {\n      id status leaseSignedOn moveInOn version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestGuarantee($householdId: ID!, $input: GuaranteeInput!) {\n    requestGuarantee(householdId: $householdId, input: $input) { id kind amount status matchId }\n  }\n"): (typeof documents)["\n  mutation ConsoleRequestGuarantee($householdId: ID!, $input: GuaranteeInput!) {\n    requestGuarantee(householdId: $householdId, input: $input) { id kind amount status matchId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOffers($first: Int!, $after: String, $filter: OfferFilterInput) {\n    offers(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id street postalCode district rooms livingSpace grossColdRent availableFrom status landlordName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleOffers($first: Int!, $after: String, $filter: OfferFilterInput) {\n    offers(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id street postalCode district rooms livingSpace grossColdRent availableFrom status landlordName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammesPage {\n    programmes {\n      id organisationId organisationName title startsOn endsOn caseloadLimit version\n      funding { id kind name amount startsOn endsOn paysFor spent }\n      positions { id title fte permanent endsOn fundingId filled since version }\n      targets { year kind target actual expectedByNow behind }\n      households filledFte vacantFte caseloadPerFte\n    }\n  }\n"): (typeof documents)["\n  query ProgrammesPage {\n    programmes {\n      id organisationId organisationName title startsOn endsOn caseloadLimit version\n      funding { id kind name amount startsOn endsOn paysFor spent }\n      positions { id title fte permanent endsOn fundingId filled since version }\n      targets { year kind target actual expectedByNow behind }\n      households filledFte vacantFte caseloadPerFte\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeOrganisations {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n"): (typeof documents)["\n  query ProgrammeOrganisations {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateProgramme($input: ProgrammeInput!) {\n    createProgramme(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateProgramme($input: ProgrammeInput!) {\n    createProgramme(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddFunding($programmeId: ID!, $input: FundingInput!) {\n    addFundingSource(programmeId: $programmeId, input: $input) { id funding { id } }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddFunding($programmeId: ID!, $input: FundingInput!) {\n    addFundingSource(programmeId: $programmeId, input: $input) { id funding { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddPosition($programmeId: ID!, $input: PositionInput!) {\n    addPosition(programmeId: $programmeId, input: $input) { id positions { id } }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddPosition($programmeId: ID!, $input: PositionInput!) {\n    addPosition(programmeId: $programmeId, input: $input) { id positions { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPositionFilled($positionId: ID!, $version: Int!, $filled: Boolean!, $since: Date!) {\n    setPositionFilled(positionId: $positionId, version: $version, filled: $filled, since: $since) { id positions { id filled since version } }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetPositionFilled($positionId: ID!, $version: Int!, $filled: Boolean!, $since: Date!) {\n    setPositionFilled(positionId: $positionId, version: $version, filled: $filled, since: $since) { id positions { id filled since version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRecordSpending($fundingId: ID!, $amount: Decimal!, $spentOn: Date!, $note: String!) {\n    recordFundingSpending(fundingId: $fundingId, amount: $amount, spentOn: $spentOn, note: $note) { id funding { id spent } }\n  }\n"): (typeof documents)["\n  mutation ConsoleRecordSpending($fundingId: ID!, $amount: Decimal!, $spentOn: Date!, $note: String!) {\n    recordFundingSpending(fundingId: $fundingId, amount: $amount, spentOn: $spentOn, note: $note) { id funding { id spent } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetTarget($programmeId: ID!, $year: Int!, $kind: TargetKind!, $target: Int!) {\n    setProgrammeTarget(programmeId: $programmeId, year: $year, kind: $kind, target: $target) { id targets { year kind target } }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetTarget($programmeId: ID!, $year: Int!, $kind: TargetKind!, $target: Int!) {\n    setProgrammeTarget(programmeId: $programmeId, year: $year, kind: $kind, target: $target) { id targets { year kind target } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleRegister($on: Date!) {\n    accommodations(first: 100) {\n      totalCount\n      nodes { id name kind street postalCode district capacity occupied freePlaces active }\n    }\n    occupancyByDistrict { district accommodations capacity occupied }\n    landlords(first: 100) {\n      nodes { id kind name contact partnerStatus annualQuota deliveredThisYear }\n    }\n    rentCaps(on: $on) { id householdSize maxGrossColdRent maxLivingSpace validFrom validUntil }\n  }\n"): (typeof documents)["\n  query ConsoleRegister($on: Date!) {\n    accommodations(first: 100) {\n      totalCount\n      nodes { id name kind street postalCode district capacity occupied freePlaces active }\n    }\n    occupancyByDistrict { district accommodations capacity occupied }\n    landlords(first: 100) {\n      nodes { id kind name contact partnerStatus annualQuota deliveredThisYear }\n    }\n    rentCaps(on: $on) { id householdSize maxGrossColdRent maxLivingSpace validFrom validUntil }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSegregation($from: Date!, $to: Date!) {\n    segregationIndicator(from: $from, to: $to) {\n      district placements placementShare dwellings housingShare ratio clustering\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSegregation($from: Date!, $to: Date!) {\n    segregationIndicator(from: $from, to: $to) {\n      district placements placementShare dwellings housingShare ratio clustering\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleHousingStock($district: String!, $dwellings: Int!) {\n    setDistrictHousingStock(district: $district, dwellings: $dwellings)\n  }\n"): (typeof documents)["\n  mutation ConsoleHousingStock($district: String!, $dwellings: Int!) {\n    setDistrictHousingStock(district: $district, dwellings: $dwellings)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateAccommodation($input: AccommodationInput!) {\n    createAccommodation(input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateAccommodation($input: AccommodationInput!) {\n    createAccommodation(input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateLandlord($input: LandlordInput!) {\n    createLandlord(input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateLandlord($input: LandlordInput!) {\n    createLandlord(input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddRentCap($input: RentCapInput!) {\n    addRentCap(input: $input) { id householdSize }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddRentCap($input: RentCapInput!) {\n    addRentCap(input: $input) { id householdSize }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportScopes {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n"): (typeof documents)["\n  query ReportScopes {\n    viewer { organisation { id name } }\n    carriers { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportPage($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReport(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) {\n      from to cutOff releasedAt scopeName carrierLevel csv csvSemicolon\n      sections { key title figures { key label display suppressed } }\n    }\n  }\n"): (typeof documents)["\n  query ReportPage($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReport(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) {\n      from to cutOff releasedAt scopeName carrierLevel csv csvSemicolon\n      sections { key title figures { key label display suppressed } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportPdf($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReportPdf(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) { fileName base64 }\n  }\n"): (typeof documents)["\n  query ReportPdf($from: Date!, $to: Date!, $organisationId: ID, $cutOff: DateTime) {\n    programmeReportPdf(from: $from, to: $to, organisationId: $organisationId, cutOff: $cutOff) { fileName base64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReleasedReports {\n    releasedReports { id from to cutOff releasedAt }\n  }\n"): (typeof documents)["\n  query ReleasedReports {\n    releasedReports { id from to cutOff releasedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseJointReport($from: Date!, $to: Date!, $cutOff: DateTime!) {\n    releaseJointReport(from: $from, to: $to, cutOff: $cutOff) { id }\n  }\n"): (typeof documents)["\n  mutation ReleaseJointReport($from: Date!, $to: Date!, $cutOff: DateTime!) {\n    releaseJointReport(from: $from, to: $to, cutOff: $cutOff) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InsightSharing {\n    insightSharing { measure { code label labelEn } peers programmes { id name shared } }\n  }\n"): (typeof documents)["\n  query InsightSharing {\n    insightSharing { measure { code label labelEn } peers programmes { id name shared } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetInsightSharing($measure: String!, $programmeId: ID, $shared: Boolean!) {\n    setInsightSharing(measure: $measure, programmeId: $programmeId, shared: $shared) { measure { code } peers programmes { id shared } }\n  }\n"): (typeof documents)["\n  mutation SetInsightSharing($measure: String!, $programmeId: ID, $shared: Boolean!) {\n    setInsightSharing(measure: $measure, programmeId: $programmeId, shared: $shared) { measure { code } peers programmes { id shared } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleStateProgrammes {\n    stateProgrammes { id name cities }\n    stateOfficers { id name programme }\n    tenants(first: 100) { nodes { slug name } }\n  }\n"): (typeof documents)["\n  query ConsoleStateProgrammes {\n    stateProgrammes { id name cities }\n    stateOfficers { id name programme }\n    tenants(first: 100) { nodes { slug name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateStateProgramme($name: String!, $citySlugs: [String!]!) {\n    createStateProgramme(name: $name, citySlugs: $citySlugs) { id }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateStateProgramme($name: String!, $citySlugs: [String!]!) {\n    createStateProgramme(name: $name, citySlugs: $citySlugs) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAssignStateOfficer($programmeId: ID!, $userId: ID!) {\n    assignStateOfficer(programmeId: $programmeId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation ConsoleAssignStateOfficer($programmeId: ID!, $userId: ID!) {\n    assignStateOfficer(programmeId: $programmeId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n      programmeWarnings { kind programmeId organisationName subject on paysFor fundedPositions fte households caseloadLimit actual target expectedByNow }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n"): (typeof documents)["\n  query ConsoleWorklist {\n    worklist {\n      followUps { ...Item }\n      overdueSteps { ...Item }\n      incomingTransfers { ...Item }\n      permitsExpiring { ...Item }\n      benefitSwitches { ...Item }\n      inCoaching { ...Item }\n      guaranteeRequests { id householdId kind amount }\n      scheduledMoves { id householdId moveInOn }\n      programmeWarnings { kind programmeId organisationName subject on paysFor fundedPositions fte households caseloadLimit actual target expectedByNow }\n    }\n  }\n  fragment Item on WorkItem { householdId reference on overdue detail subjectId }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleIncomingTransfers {\n    incomingTransfers { id householdId reason version }\n  }\n"): (typeof documents)["\n  query ConsoleIncomingTransfers {\n    incomingTransfers { id householdId reason version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {\n    acceptTransfer(id: $id, version: $version) { id status version }\n  }\n"): (typeof documents)["\n  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {\n    acceptTransfer(id: $id, version: $version) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {\n    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }\n  }\n"): (typeof documents)["\n  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {\n    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleReferences($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Household { reference } }\n  }\n"): (typeof documents)["\n  query ConsoleReferences($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Household { reference } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;