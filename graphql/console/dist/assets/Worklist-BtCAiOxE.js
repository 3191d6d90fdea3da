import{a as e,d as t,g as n,h as r,i,m as a,n as o,p as s,r as c,t as l,v as u}from"./index-e2Jjf-YT.js";import{t as d}from"./ActionForm-CLcbdUZH.js";import{t as f}from"./Disclosure--vm5xzT2.js";import{o as p,s as m}from"./Form-CdMnlqXS.js";var h=i(),g=e(`
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
`),_=e(`
  query ConsoleIncomingTransfers {
    incomingTransfers { id householdId reason version }
  }
`),v=e(`
  mutation ConsoleAcceptTransfer($id: ID!, $version: Int!) {
    acceptTransfer(id: $id, version: $version) { id status version }
  }
`),y=e(`
  mutation ConsoleRejectTransfer($id: ID!, $version: Int!, $reasonCode: TransferRejectionReason, $reason: String!) {
    rejectTransfer(id: $id, version: $version, reasonCode: $reasonCode, reason: $reason) { id status version }
  }
`),b=[`NO_CAPACITY`,`OUTSIDE_AREA`,`LANGUAGE_NOT_COVERED`,`HOUSEHOLD_REFUSED`,`OTHER`],x={additionalTypenames:[`CarrierAssignment`,`WorkItem`,`Household`]};function S({items:e}){let{t}=u(),[{data:n,error:r}]=a({query:_,context:x}),[,i]=s(v),[,o]=s(y);if(r)return(0,h.jsx)(c,{error:r});let l=new Map(e.map(e=>[e.householdId,e.reference]));return(0,h.jsx)(`div`,{className:`ww-stack`,children:(n?.incomingTransfers??[]).map(e=>{let n=l.get(e.householdId)??`…`;return(0,h.jsxs)(f,{summary:t(`transfer.decide`,{reference:n}),children:[e.reason&&(0,h.jsxs)(`p`,{className:`kern-body`,children:[t(`transfer.reason`),`: `,e.reason]}),(0,h.jsxs)(`div`,{className:`ww-actions`,children:[(0,h.jsx)(d,{legend:t(`transfer.acceptLegend`,{reference:n}),submit:t(`transfer.accept`),run:()=>i({id:e.id,version:e.version},x)}),(0,h.jsx)(d,{legend:t(`transfer.rejectLegend`,{reference:n}),submit:t(`transfer.reject`),kind:`secondary`,run:t=>o({id:e.id,version:e.version,reasonCode:t.reasonCode??`OTHER`,reason:t.reason??``},x),children:e=>(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(m,{field:`reasonCode`,error:e,label:t(`transfer.reasonCode`),name:`reasonCode`,options:b.map(e=>({value:e,label:t(`rejection.${e}`)}))}),(0,h.jsx)(p,{field:`reason`,error:e,label:t(`transfer.explanation`),name:`reason`,required:!0})]})})]})]},e.id)})})}var C=[`followUps`,`overdueSteps`,`incomingTransfers`,`permitsExpiring`,`benefitSwitches`,`inCoaching`];function w(){let{t:e,i18n:i}=u(),s=o(),[{data:d,fetching:f,error:p}]=a({query:g});return(0,h.jsxs)(`div`,{className:`ww-stack`,children:[(0,h.jsx)(`h1`,{className:`kern-heading-large`,children:e(`worklist.title`)}),f&&(0,h.jsx)(`p`,{className:`kern-body`,children:e(`app.loading`)}),p&&(0,h.jsx)(c,{error:p}),d&&C.map(n=>{let a=d.worklist[n];return(0,h.jsxs)(`section`,{"aria-labelledby":`ww-${n}`,className:`ww-stack`,children:[(0,h.jsxs)(`h2`,{className:`kern-heading-medium`,id:`ww-${n}`,children:[e(`worklist.${n}`),` `,(0,h.jsx)(`span`,{className:`kern-badge kern-badge--info`,children:a.length})]}),a.length===0?(0,h.jsx)(`p`,{className:`kern-body--muted`,children:e(`worklist.empty`)}):(0,h.jsx)(`div`,{className:`ww-table-wrap`,children:(0,h.jsxs)(`table`,{className:`kern-table kern-table--small`,children:[(0,h.jsx)(`thead`,{className:`kern-table__head`,children:(0,h.jsxs)(`tr`,{className:`kern-table__row`,children:[(0,h.jsx)(`th`,{scope:`col`,className:`kern-table__header`,children:e(`worklist.reference`)}),(0,h.jsx)(`th`,{scope:`col`,className:`kern-table__header`,children:e(`worklist.on`)}),(0,h.jsx)(`th`,{scope:`col`,className:`kern-table__header`,children:e(`worklist.detail`)})]})}),(0,h.jsx)(`tbody`,{className:`kern-table__body`,children:a.map(a=>(0,h.jsxs)(`tr`,{className:`kern-table__row`,children:[(0,h.jsx)(`td`,{className:`kern-table__cell`,children:(0,h.jsx)(t,{href:`/households/${a.householdId}`,className:`kern-link`,children:a.reference})}),(0,h.jsxs)(`td`,{className:`kern-table__cell`,children:[r(a.on,i.language),a.overdue&&(0,h.jsxs)(h.Fragment,{children:[` `,(0,h.jsx)(`span`,{className:`kern-badge kern-badge--danger`,children:e(`worklist.overdue`)})]})]}),(0,h.jsx)(`td`,{className:`kern-table__cell`,children:a.detail})]},`${n}/${a.subjectId}`))})]})}),n===`incomingTransfers`&&a.length>0&&l(s,`transfers`)&&(0,h.jsx)(S,{items:a})]},n)}),d&&d.worklist.guaranteeRequests.length>0&&(0,h.jsxs)(`section`,{"aria-labelledby":`ww-guarantees`,className:`ww-stack`,children:[(0,h.jsxs)(`h2`,{className:`kern-heading-medium`,id:`ww-guarantees`,children:[e(`worklist.guaranteeRequests`),` `,(0,h.jsx)(`span`,{className:`kern-badge kern-badge--info`,children:d.worklist.guaranteeRequests.length})]}),(0,h.jsx)(`ul`,{className:`kern-list`,children:d.worklist.guaranteeRequests.map(e=>(0,h.jsx)(`li`,{children:(0,h.jsx)(t,{href:`/households/${e.householdId}`,className:`kern-link`,children:n(e.amount,i.language)})},e.id))})]})]})}export{w as default};