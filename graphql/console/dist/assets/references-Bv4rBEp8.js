import{_ as e,a as t}from"./index-rtscYMtg.js";var n=t(`
  query ConsoleReferences($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Household { reference } }
  }
`);function r(t){let r=[...new Set(t)],[{data:i}]=e({query:n,variables:{ids:r},pause:r.length===0}),a=new Map;for(let e of i?.nodes??[])e&&e.__typename===`Household`&&a.set(e.id,e.reference);return e=>a.get(e)??`…`}export{r as t};