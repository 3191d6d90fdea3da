import{_ as e,a as t,b as n,d as r,h as i,i as a,m as o,n as s,r as c,t as l,v as u}from"./index-DEQ6ItYH.js";import{t as d}from"./ActionForm-DtFQ0DlM.js";import{t as f}from"./Disclosure-KYynTgwY.js";import{o as p,s as m}from"./Form-DJlgPSgu.js";var h=a(),g=t(`
  query ConsoleWorklist {
    worklist {
      followUps { ...Item }
      overdueSteps { ...Item }
      incomingTransfers { ...Item }
      permitsExpiring { ...Item }
      benefitSwitches { ...Item }
      inCoaching { ...Item }
      guaranteeRequests { id householdId kind amount }
      scheduledMoves { id householdId moveInOn }
    }
  }
  fragment Item on WorkItem { householdId reference on overdue detail subjectId }
`),_=t(`
  query ConsoleIncomingTransfers {
    incomingTransfers { id householdId reason version }
  }
`),v=t(`
  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {
    acceptTransfer(id: $id, version: $version) { id status version }
  }
`),y=t(`
  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {
    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }
  }
`),b=[`NO_CAPACITY`,`OUTSIDE_AREA`,`LANGUAGE_NOT_COVERED`,`HOUSEHOLD_REFUSED`,`OTHER`],x={additionalTypenames:[`CarrierAssignment`,`WorkItem`,`Household`]};function S({items:e}){let{t}=n(),[{data:r,error:a}]=i({query:_,context:x}),[,s]=o(v),[,l]=o(y);if(a)return(0,h.jsx)(c,{error:a});let u=new Map(e.map(e=>[e.householdId,e.reference]));return(0,h.jsx)(`div`,{className:`ww-stack`,children:(r?.incomingTransfers??[]).map(e=>{let n=u.get(e.householdId)??`…`;return(0,h.jsxs)(f,{summary:t(`transfer.decide`,{reference:n}),children:[e.reason&&(0,h.jsxs)(`p`,{className:`kern-body`,children:[t(`transfer.reason`),`: `,e.reason]}),(0,h.jsxs)(`div`,{className:`ww-actions`,children:[(0,h.jsx)(d,{legend:t(`transfer.acceptLegend`,{reference:n}),submit:t(`transfer.accept`),run:()=>s({id:e.id,version:e.version},x)}),(0,h.jsx)(d,{legend:t(`transfer.rejectLegend`,{reference:n}),submit:t(`transfer.reject`),kind:`secondary`,run:t=>l({id:e.id,version:e.version,reasonCode:t.reasonCode??`OTHER`,reason:t.reason??``},x),children:e=>(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(m,{field:`reasonCode`,error:e,label:t(`transfer.reasonCode`),name:`reasonCode`,options:b.map(e=>({value:e,label:t(`rejection.${e}`)}))}),(0,h.jsx)(p,{field:`reason`,error:e,label:t(`transfer.explanation`),name:`reason`,required:!0})]})})]})]},e.id)})})}var C=[`followUps`,`overdueSteps`,`incomingTransfers`,`permitsExpiring`,`benefitSwitches`,`inCoaching`];function w(){let{t,i18n:a}=n(),o=s(),[{data:d,fetching:f,error:p}]=i({query:g});return(0,h.jsxs)(`div`,{className:`ww-stack`,children:[(0,h.jsx)(`h1`,{className:`kern-heading-large`,children:t(`worklist.title`)}),f&&(0,h.jsx)(`p`,{className:`kern-body`,children:t(`app.loading`)}),p&&(0,h.jsx)(c,{error:p}),d&&C.map(n=>{let i=d.worklist[n];return(0,h.jsxs)(`section`,{"aria-labelledby":`ww-${n}`,className:`ww-stack`,children:[(0,h.jsxs)(`h2`,{className:`kern-heading-medium`,id:`ww-${n}`,children:[t(`worklist.${n}`),` `,(0,h.jsx)(`span`,{className:`kern-badge kern-badge--info`,children:i.length})]}),i.length===0?(0,h.jsx)(`p`,{className:`kern-body--muted`,children:t(`worklist.empty`)}):(0,h.jsx)(`div`,{className:`ww-table-wrap`,children:(0,h.jsxs)(`table`,{className:`kern-table kern-table--small`,children:[(0,h.jsx)(`thead`,{className:`kern-table__head`,children:(0,h.jsxs)(`tr`,{className:`kern-table__row`,children:[(0,h.jsx)(`th`,{scope:`col`,className:`kern-table__header`,children:t(`worklist.reference`)}),(0,h.jsx)(`th`,{scope:`col`,className:`kern-table__header`,children:t(`worklist.on`)}),(0,h.jsx)(`th`,{scope:`col`,className:`kern-table__header`,children:t(`worklist.detail`)})]})}),(0,h.jsx)(`tbody`,{className:`kern-table__body`,children:i.map(i=>(0,h.jsxs)(`tr`,{className:`kern-table__row`,children:[(0,h.jsx)(`td`,{className:`kern-table__cell`,children:(0,h.jsx)(r,{href:`/households/${i.householdId}`,className:`kern-link`,children:i.reference})}),(0,h.jsxs)(`td`,{className:`kern-table__cell`,children:[e(i.on,a.language),i.overdue&&(0,h.jsxs)(h.Fragment,{children:[` `,(0,h.jsx)(`span`,{className:`kern-badge kern-badge--danger`,children:t(`worklist.overdue`)})]})]}),(0,h.jsx)(`td`,{className:`kern-table__cell`,children:i.detail})]},`${n}/${i.subjectId}`))})]})}),n===`incomingTransfers`&&i.length>0&&l(o,`transfers`)&&(0,h.jsx)(S,{items:i})]},n)}),d&&d.worklist.guaranteeRequests.length>0&&(0,h.jsxs)(`section`,{"aria-labelledby":`ww-guarantees`,className:`ww-stack`,children:[(0,h.jsxs)(`h2`,{className:`kern-heading-medium`,id:`ww-guarantees`,children:[t(`worklist.guaranteeRequests`),` `,(0,h.jsx)(`span`,{className:`kern-badge kern-badge--info`,children:d.worklist.guaranteeRequests.length})]}),(0,h.jsx)(`ul`,{className:`kern-list`,children:d.worklist.guaranteeRequests.map(e=>(0,h.jsx)(`li`,{children:(0,h.jsx)(r,{href:`/households/${e.householdId}`,className:`kern-link`,children:u(e.amount,a.language)})},e.id))})]})]})}export{w as default};